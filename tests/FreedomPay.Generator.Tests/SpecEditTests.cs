using System.Collections.Immutable;
using System.IO;
using System.Linq;
using System.Net.Http;
using System.Threading.Tasks;
using FreedomPay.Generator.Tests.Infrastructure;
using FreedomPay.TestSupport;
using Microsoft.CodeAnalysis;

namespace FreedomPay.Generator.Tests;

/// <summary>
/// Editing YAML alone changes the client: the generated code is compiled into a consumer-like assembly (its own
/// namespace, reaching FreedomPayClient through the extension accessor) and called against a fake gateway.
/// </summary>
public sealed class SpecEditTests
{
    private const string Namespace = "Edited";

    private static readonly ImmutableDictionary<string, string> ConsumerOptions = ImmutableDictionary<string, string>.Empty
        .Add("build_property.FreedomPayNamespace", Namespace);

    private static string RealSpecText => File.ReadAllText(RepoPaths.RealSpec);

    /// <summary>The real spec with one more field in Pay's request.</summary>
    private static string SpecWithNewPayField()
    {
        string spec = RealSpecText;
        int pay = spec.IndexOf("  Pay:\n", System.StringComparison.Ordinal);
        int response = spec.IndexOf("    response:", pay, System.StringComparison.Ordinal);
        return spec.Insert(response, "      pg_merchant_note: { max-length: 20, description: A note added by a test. }\n");
    }

    [Fact]
    public void Adding_a_field_adds_a_property_to_the_generated_request()
    {
        var (before, _) = GeneratorHarness.Run(RealSpecText, "/specs/mobile.yaml", ConsumerOptions);
        var (after, _) = GeneratorHarness.Run(SpecWithNewPayField(), "/specs/mobile.yaml", ConsumerOptions);

        string PayFile(GeneratorRunResult r) => r.GeneratedSources.Single(s => s.HintName == "MobileBalance.Pay.g.cs").SourceText.ToString();
        Assert.DoesNotContain("MerchantNote", PayFile(before));
        Assert.Contains("public string? MerchantNote { get; init; }", PayFile(after));
        Assert.Contains("TextField(\"pg_merchant_note\", \"MerchantNote\", maxLength: 20, description: \"A note added by a test.\"),", PayFile(after));
        Assert.Contains("visitor.Text(4, MerchantNote);", PayFile(after));
        Assert.Contains("MerchantNote = values.Text(4),", PayFile(after));
    }

    [Fact]
    public async Task Adding_a_field_puts_it_on_the_wire_and_in_the_signature()
    {
        var compilation = GeneratorHarness.EmptyCompilation(Basic.Reference.Assemblies.Net100.References.All.Append(MetadataReference.CreateFromFile(typeof(FreedomPayClient).Assembly.Location)));
        var (result, output) = GeneratorHarness.Run(new[] { new SpecFile("/specs/mobile.yaml", SpecWithNewPayField()) }, ConsumerOptions, compilation);
        Assert.Empty(result.Diagnostics);
        Assert.Empty(RuntimeCompilation.Problems(output));
        CompiledClient generated = CompiledClient.Load(output);

        var gateway = new FakeGateway();
        using var client = new FreedomPayClient(new HttpClient(gateway), new FreedomPayClientOptions
        {
            MerchantId = FakeGateway.MerchantId, SecretKey = FakeGateway.Secret, BaseAddress = new System.Uri("https://gateway.test/"),
        });
        object request = generated.Create($"{Namespace}.MobileBalance.PayRequest", ("PaymentId", 7L), ("AbonentPhone", "77017777777"), ("MerchantNote", "gift"));

        object response = await generated.CallAsync(client, $"{Namespace}.MobileBalance", "MobileBalance", "Pay", request);

        CapturedRequest sent = gateway.Single;
        Assert.Equal(new[] { "pg_merchant_id", "pg_payment_id", "pg_abonent_phone", "pg_merchant_note", "pg_salt", "pg_sig" }, sent.Names);
        Assert.Equal("gift", sent["pg_merchant_note"]);
        Assert.Equal(ReferenceSignature.Sign("pay", sent.Fields, FakeGateway.Secret), sent["pg_sig"]);
        Assert.Equal(7L, response.GetType().GetProperty("PaymentId")!.GetValue(response));
    }

    [Fact]
    public async Task A_new_operation_from_the_readme_walkthrough_becomes_a_callable_method()
    {
        // The operation the README's "Add an endpoint to this repository's client" section shows, appended to the real spec.
        string readme = File.ReadAllText(Path.Combine(RepoPaths.Root, "README.md"));
        int section = readme.IndexOf("## Add an endpoint to this repository's client", System.StringComparison.Ordinal);
        int start = readme.IndexOf("```yaml\n", section, System.StringComparison.Ordinal) + "```yaml\n".Length;
        string operation = readme.Substring(start, readme.IndexOf("```", start, System.StringComparison.Ordinal) - start);
        string spec = RealSpecText.TrimEnd() + "\n\n" + string.Join("\n", operation.Split('\n').Select(l => l.Length >= 3 ? l.Substring(3) : l));

        var compilation = GeneratorHarness.EmptyCompilation(Basic.Reference.Assemblies.Net100.References.All.Append(MetadataReference.CreateFromFile(typeof(FreedomPayClient).Assembly.Location)));
        var (result, output) = GeneratorHarness.Run(new[] { new SpecFile("/specs/mobile.yaml", spec) }, ConsumerOptions, compilation);
        Assert.Empty(GeneratorHarness.Describe(result.Diagnostics));
        CompiledClient generated = CompiledClient.Load(output);

        var gateway = new FakeGateway
        {
            Respond = r => FakeGateway.Xml(FakeGateway.SignedReply("check_mnp", ("pg_status", "ok"), ("pg_operator_name", "KCELL"))),
        };
        using var client = new FreedomPayClient(new HttpClient(gateway), new FreedomPayClientOptions
        {
            MerchantId = FakeGateway.MerchantId, SecretKey = FakeGateway.Secret, BaseAddress = new System.Uri("https://gateway.test/"),
        });
        object request = generated.Create($"{Namespace}.MobileBalance.CheckOperatorRequest", ("AbonentPhone", "77017777777"));

        object response = await generated.CallAsync(client, $"{Namespace}.MobileBalance", "MobileBalance", "CheckOperator", request);

        Assert.Equal("/mfs/check_mnp", gateway.Single.Uri.AbsolutePath);
        Assert.Equal("KCELL", response.GetType().GetProperty("OperatorName")!.GetValue(response));
    }
}
