using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.Json;
using System.Text.RegularExpressions;
using System.Threading;
using System.Threading.Tasks;

namespace FreedomPay.Cli.Tests;

/// <summary>
/// <c>--spec</c>: a user's YAML read at run time with the generator's binder; `sandbox` serves its operations and the
/// tool's own operation commands call them, with no build; a broken spec exits 2 with positioned diagnostics.
/// </summary>
public sealed class SpecOptionTests : IDisposable
{
    private const string Secret = "cli-spec-test-secret";
    private readonly string _directory = Directory.CreateTempSubdirectory("freedompay-spec-").FullName;

    [Fact]
    public async Task The_sandbox_serves_a_spec_file_to_the_tools_own_operation_commands()
    {
        string spec = Spec("marketplace.yaml", File.ReadAllText(MarketplaceSpec()));
        using var stop = new CancellationTokenSource();
        var output = new AddressWriter();
        Task<int> sandbox = FreedomPayCli.RunAsync(new[] { "--spec", spec, "sandbox", "--secret-key", Secret }, new CliEnvironment(output, TextWriter.Null, _ => null), stop.Token);
        try
        {
            string baseUrl = await output.Address.WaitAsync(TimeSpan.FromSeconds(60));
            var env = new Dictionary<string, string> { ["FREEDOMPAY_MERCHANT_ID"] = "54321", ["FREEDOMPAY_SECRET_KEY"] = Secret, ["FREEDOMPAY_BASE_URL"] = baseUrl };

            CliResult seller = await CliRunner.RunAsync(env, "marketplace", "seller", "--seller-id", "5", "--spec", spec, "--json");
            CliResult refused = await CliRunner.RunAsync(env, "--spec", spec, "marketplace", "seller", "--seller-id", "0");
            // A list: one option value per item, its fields as a query string; an object the same way.
            CliResult basket = await CliRunner.RunAsync(
                env, "--spec", spec, "marketplace", "basket", "--order-id", "B-1",
                "--lines", "count=2&name=Mouse pad&price=7.50", "--lines", "count=1&name=Cable&price=3", "--delivery", "city=Almaty", "--json");
            CliResult badItem = await CliRunner.RunAsync(env, "--spec", spec, "marketplace", "basket", "--order-id", "B-2", "--lines", "count=0&name=Pad&price=1");

            Assert.True(seller.ExitCode == 0, seller.Error);
            using JsonDocument json = JsonDocument.Parse(seller.Out);
            Assert.Equal("ok", json.RootElement.GetProperty("pg_status").GetString());
            Assert.Equal("Aigerim's shop", json.RootElement.GetProperty("pg_seller").GetProperty("pg_name").GetString()); // the nested group's example
            Assert.Equal(JsonValueKind.False, json.RootElement.GetProperty("pg_seller").GetProperty("pg_verified").ValueKind); // typed by the spec
            Assert.Equal(JsonValueKind.Number, json.RootElement.GetProperty("pg_history").GetProperty("pg_entry")[0].ValueKind);
            Assert.Contains("serves       Marketplace.Seller at /marketplace/seller (from its spec)", output.Text);

            // The tool validates by the same table before sending: nothing reached the sandbox.
            Assert.Equal(2, refused.ExitCode);
            Assert.Contains("pg_seller_id", refused.Error);
            Assert.True(basket.ExitCode == 0, basket.Error);
            using JsonDocument basketJson = JsonDocument.Parse(basket.Out);
            Assert.Equal("B-1", basketJson.RootElement.GetProperty("pg_order_id").GetString());
            Assert.Equal(2, badItem.ExitCode);
            Assert.Contains("pg_lines[0][count]", badItem.Error);
        }
        finally
        {
            stop.Cancel();
            Assert.Equal(0, await sandbox);
        }
    }

    [Fact]
    public async Task Json_areas_with_header_signatures_and_a_key_of_their_own_work_through_the_spec_option_and_a_wrong_key_is_refused()
    {
        const string PartnerKey = "cli-spec-partner-key";
        string partner = Spec("partner.yaml", File.ReadAllText(RepositorySpec("tests", "FreedomPay.Cli.Tests", "Specs", "partner.yaml")));
        string cardApi = Spec("card-api.yaml", File.ReadAllText(RepositorySpec("tests", "FreedomPay.Sandbox.Tests", "Specs", "card-api.yaml")));
        using var stop = new CancellationTokenSource();
        var output = new AddressWriter();
        Task<int> sandbox = FreedomPayCli.RunAsync(
            new[] { "--spec", partner, "--spec", cardApi, "sandbox", "--secret-key", Secret, "--key", "partner=" + PartnerKey },
            new CliEnvironment(output, TextWriter.Null, _ => null),
            stop.Token);
        try
        {
            string baseUrl = await output.Address.WaitAsync(TimeSpan.FromSeconds(60));
            var env = new Dictionary<string, string> { ["FREEDOMPAY_MERCHANT_ID"] = "54321", ["FREEDOMPAY_SECRET_KEY"] = Secret, ["FREEDOMPAY_BASE_URL"] = baseUrl };
            var wrongMain = new Dictionary<string, string>(env) { ["FREEDOMPAY_SECRET_KEY"] = "not-the-key" };
            var partnerFromVariable = new Dictionary<string, string>(env) { ["FREEDOMPAY_PARTNER_KEY"] = PartnerKey };

            CliResult refund = await CliRunner.RunAsync(env, "--spec", cardApi, "card-api", "refund", "--order-id", "R-1", "--transaction-id", "77", "--amount", "10.50", "--json");
            CliResult refundWrongKey = await CliRunner.RunAsync(wrongMain, "--spec", cardApi, "card-api", "refund", "--order-id", "R-2", "--transaction-id", "78", "--amount", "1", "--json");
            CliResult rates = await CliRunner.RunAsync(env, "--spec", partner, "partner", "rates", "--currency", "USD", "--key", "partner=" + PartnerKey, "--json");
            CliResult added = await CliRunner.RunAsync(partnerFromVariable, "--spec", partner, "partner", "add-client", "--client-id", "c-9", "--product", "code=GOLD&limit=100.50", "--json");
            CliResult noPartnerKey = await CliRunner.RunAsync(env, "--spec", partner, "partner", "rates", "--currency", "USD");
            CliResult mainKeyAsPartnerKey = await CliRunner.RunAsync(env, "--spec", partner, "partner", "rates", "--currency", "USD", "--key", "partner=" + Secret, "--json");
            CliResult help = await CliRunner.RunAsync(env, "--spec", partner, "partner", "--help");

            Assert.True(refund.ExitCode == 0, refund.Error + refund.Out);
            Assert.Equal("ok", JsonDocument.Parse(refund.Out).RootElement.GetProperty("status").GetString());
            Assert.Equal(3, refundWrongKey.ExitCode);
            Assert.Contains("1002", refundWrongKey.Out + refundWrongKey.Error);
            Assert.True(rates.ExitCode == 0, rates.Error + rates.Out);
            Assert.Equal(470.5m, JsonDocument.Parse(rates.Out).RootElement.GetProperty("rate").GetDecimal());
            Assert.True(added.ExitCode == 0, added.Error + added.Out);
            Assert.Equal(2, noPartnerKey.ExitCode);
            Assert.Contains("No partner key", noPartnerKey.Error);
            Assert.Equal(3, mainKeyAsPartnerKey.ExitCode); // the sandbox refuses a secret: area signed with the main key
            Assert.Contains("1002", mainKeyAsPartnerKey.Out + mainKeyAsPartnerKey.Error);
            Assert.Contains("Call a Partner operation", help.Out);
            Assert.Contains("FREEDOMPAY_PARTNER_KEY", help.Out);
            Assert.DoesNotContain(PartnerKey, output.Text); // a key given on the command line is never echoed
            Assert.Contains("partner key   the one given with --key partner=...", output.Text);
            Assert.DoesNotContain("test phone", output.Text); // the banner speaks of the spec's own areas

            // What reached the sandbox: a JSON body with the nested object, signed in the header, not a form.
            Assert.DoesNotContain("pg_merchant_id", refund.Out);
        }
        finally
        {
            stop.Cancel();
            Assert.Equal(0, await sandbox);
        }
    }

    [Fact]
    public async Task A_deprecated_operation_and_field_say_so_in_help_and_the_sandbox_still_serves_them()
    {
        string spec = Spec("old-partner.yaml", File.ReadAllText(RepositorySpec("tests", "FreedomPay.Cli.Tests", "Specs", "partner.yaml"))
            .Replace("    summary: Reads the exchange rates.\n", "    summary: Reads the exchange rates.\n    deprecated: use the v6 rates\n")
            .Replace("limit: { type: decimal, min: 0, scale: 2 }", "limit: { type: decimal, min: 0, scale: 2, deprecated: the limit is set by the product }")
            .Replace("currency: { required: true, values: [KZT, USD] }", "currency: { required: true, values: [KZT, USD] }\n      region: { deprecated: rates are the same everywhere }"));

        CliResult area = await CliRunner.RunAsync("--spec", spec, "partner", "--help");
        CliResult rates = await CliRunner.RunAsync("--spec", spec, "partner", "rates", "--help");
        using var stop = new CancellationTokenSource();
        var output = new AddressWriter();
        Task<int> sandbox = FreedomPayCli.RunAsync(new[] { "--spec", spec, "sandbox", "--secret-key", Secret }, new CliEnvironment(output, TextWriter.Null, _ => null), stop.Token);
        await output.Address.WaitAsync(TimeSpan.FromSeconds(60));
        stop.Cancel();
        Assert.Equal(0, await sandbox);

        Assert.Contains("Deprecated: use the v6 rates Reads the exchange rates.", area.Out);
        Assert.Contains("Deprecated: rates are the same everywhere", rates.Out);
        Assert.Contains("serves       Partner.Rates at /v5/partner/rates (from its spec)", output.Text);
    }

    [Fact]
    public async Task A_broken_spec_exits_2_with_the_generators_positioned_diagnostics()
    {
        string spec = Spec("broken.yaml", File.ReadAllText(MarketplaceSpec()).Replace("    summary: Reads a seller's profile.", "    sumary: Reads a seller's profile."));

        CliResult result = await CliRunner.RunAsync("--spec", spec, "sandbox");

        Assert.Equal(2, result.ExitCode);
        Assert.Matches(new Regex(@"broken\.yaml\(\d+,5\): error FPG0003: Unknown key 'sumary' in operation 'Seller'; did you mean 'summary'\?"), result.Error);
        Assert.Contains("nothing was run", result.Error);
        Assert.Empty(result.Out);
    }

    [Fact]
    public async Task A_missing_spec_file_exits_2_naming_it()
    {
        CliResult result = await CliRunner.RunAsync("--spec", Path.Combine(_directory, "nope.yaml"), "sandbox");

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("nope.yaml: error: the spec file does not exist.", result.Error);
    }

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    private string Spec(string name, string text)
    {
        string path = Path.Combine(_directory, name);
        File.WriteAllText(path, text);
        return path;
    }

    /// <summary>The sandbox tests' own area (repeated elements, nested groups, a list), from the repository.</summary>
    private static string MarketplaceSpec() => RepositorySpec("tests", "FreedomPay.Sandbox.Tests", "Specs", "marketplace.yaml");

    private static string RepositorySpec(params string[] parts)
    {
        for (DirectoryInfo? dir = new(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            string candidate = Path.Combine(new[] { dir.FullName }.Concat(parts).ToArray());
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }

        throw new FileNotFoundException(Path.Combine(parts) + " not found above " + AppContext.BaseDirectory);
    }

    /// <summary>Captures the sandbox command's output and completes when it prints the address it listens on.</summary>
    private sealed class AddressWriter : StringWriter
    {
        private readonly object _gate = new();
        private readonly TaskCompletionSource<string> _address = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public Task<string> Address => _address.Task;

        public string Text
        {
            get
            {
                lock (_gate)
                {
                    return ToString();
                }
            }
        }

        public override void WriteLine(string? value)
        {
            lock (_gate)
            {
                base.WriteLine(value);
            }

            if (value is not null && Regex.Match(value, @"listening on (http://\S+)") is { Success: true } match)
            {
                _address.TrySetResult(match.Groups[1].Value);
            }
        }
    }
}
