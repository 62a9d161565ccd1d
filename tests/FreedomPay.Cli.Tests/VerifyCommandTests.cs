using System;
using System.Collections.Generic;
using System.IO;
using System.Threading.Tasks;
using FreedomPay.MobileBalance;
using FreedomPay.Sandbox;

namespace FreedomPay.Cli.Tests;

/// <summary>
/// <c>freedompay verify</c> against the sandbox, drifting on demand: each departure of a reply from its spec is a row
/// naming the packaged spec's line to edit, and the exit code is 7; a reply as described is "ok" and exit 0; a plan
/// that names a call which moves money is refused before anything is sent.
/// </summary>
public sealed class VerifyCommandTests
{
    [Fact]
    public async Task A_drifting_reply_gives_one_row_per_departure_with_the_spec_line_and_exit_7()
    {
        await using FreedomPaySandbox sandbox = await FreedomPaySandbox.StartAsync(new FreedomPaySandboxOptions { Drift = SandboxDrift.ExtraElement | SandboxDrift.UnknownEnumValue | SandboxDrift.MissingElement });
        sandbox.Handle(MobileBalanceClient.StatusInfo, call => call.DefaultReply());
        string plan = Plan("MobileBalance.Status", "pg_payment_id", "7");

        CliResult result = await CliRunner.RunAsync(Env(sandbox), "verify", "--plan", plan);

        Assert.Equal(7, result.ExitCode);
        string[] lines = File.ReadAllLines(Path.Combine(RepoRoot(), "spec", "freedompay.mobile-balance.yaml"));
        int status = Array.FindIndex(lines, l => l == "  Status:");
        int paymentStatus = Array.FindIndex(lines, status, l => l.TrimStart().StartsWith("pg_payment_status:", StringComparison.Ordinal)) + 1;
        Assert.Contains($"DRIFT  MobileBalance.Status  pg_payment_status  malformed: should be one of new, pending, success, failed, incomplete, revoked  (spec/freedompay.mobile-balance.yaml:{paymentStatus})", result.Out);
        Assert.Contains("DRIFT  MobileBalance.Status  sandbox_drift  undescribed: the spec does not describe it", result.Out);
        Assert.Contains("DRIFT  MobileBalance.Status  pg_payment_id  missing: the spec says it is always present", result.Out);
        Assert.Contains("verify: 3 departure(s) from the spec", result.Out);
        Assert.DoesNotContain("sandbox_drifted", result.Out); // the value is never repeated, only what was expected
    }

    [Fact]
    public async Task A_reply_as_its_spec_describes_it_is_ok_and_exit_0_and_json_lists_nothing()
    {
        await using FreedomPaySandbox sandbox = await FreedomPaySandbox.StartAsync();
        sandbox.Handle(MobileBalanceClient.StatusInfo, call => call.DefaultReply());
        string plan = Plan("MobileBalance.Status", "pg_payment_id", "7");

        CliResult text = await CliRunner.RunAsync(Env(sandbox), "verify", "--plan", plan);
        CliResult json = await CliRunner.RunAsync(Env(sandbox), "verify", "--plan", plan, "--json");

        Assert.Equal((0, 0), (text.ExitCode, json.ExitCode));
        Assert.Contains("ok     MobileBalance.Status: the reply is as its spec describes it", text.Out);
        Assert.Equal("[]", json.Out.Trim());
    }

    [Fact]
    public async Task A_plan_that_names_a_call_that_moves_money_is_refused_before_anything_is_sent()
    {
        await using FreedomPaySandbox sandbox = await FreedomPaySandbox.StartAsync();
        string plan = Plan("MobileBalance.Pay", "pg_payment_id", "7");

        CliResult result = await CliRunner.RunAsync(Env(sandbox), "verify", "--plan", plan);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("MobileBalance.Pay changes something", result.Error);
        Assert.Empty(sandbox.Requests);
    }

    private static string Plan(string operation, string field, string value)
    {
        string path = Path.Combine(Path.GetTempPath(), "freedompay-plan-" + Guid.NewGuid().ToString("N") + ".json");
        File.WriteAllText(path, "{\"calls\":[{\"operation\":\"" + operation + "\",\"values\":{\"" + field + "\":\"" + value + "\"}}]}");
        return path;
    }

    private static Dictionary<string, string> Env(FreedomPaySandbox sandbox) => new()
    {
        ["FREEDOMPAY_MERCHANT_ID"] = sandbox.Merchant.MerchantId,
        ["FREEDOMPAY_SECRET_KEY"] = sandbox.Merchant.SecretKey,
        ["FREEDOMPAY_BASE_URL"] = sandbox.BaseAddress.ToString(),
    };

    private static string RepoRoot()
    {
        string? directory = AppContext.BaseDirectory;
        while (directory is not null && !File.Exists(Path.Combine(directory, "FreedomPay.Generated.sln")))
        {
            directory = Path.GetDirectoryName(directory);
        }

        return directory ?? throw new InvalidOperationException("The repository root was not found.");
    }
}
