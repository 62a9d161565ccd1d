using System.Linq;
using FreedomPay.Generator.Tests.Infrastructure;

namespace FreedomPay.Generator.Tests;

/// <summary>
/// The JWS protected header's shape in YAML (<c>auth: { key-id, key-id-type, path-member }</c>): what the generated
/// area passes to the runtime, and each misuse reported at its line.
/// </summary>
public sealed class JwsHeaderShapeTests
{
    private static string Spec(string auth) => $$"""
        area: Bills
        servers:
          kz: https://api.example.test/
        encoding: json
        auth: {{auth}}
        operations:
          Init:
            path: /v5/bills/init
            summary: Creates a bill.
            request:
              merchant_id: { fill: merchant-id }
        """;

    [Fact]
    public void A_numeric_key_id_under_a_path_member_reaches_the_area_descriptor()
    {
        var (result, _) = GeneratorHarness.Run(Spec("{ scheme: jws-hs512, key-id: merchant_id, key-id-type: number, path-member: path }"));

        string client = result.GeneratedSources.Single(s => s.HintName == "Bills.Client.g.cs").SourceText.ToString();
        Assert.Empty(GeneratorHarness.Describe(result.Diagnostics));
        Assert.Contains("authKeyId: \"merchant_id\"", client);
        Assert.Contains("authKeyIdNumber: true", client);
        Assert.Contains("authPathMember: \"path\"", client);
    }

    [Fact]
    public void The_defaults_write_nothing_the_runtime_does_not_default_to()
    {
        var (result, _) = GeneratorHarness.Run(Spec("jws-hs256"));

        string client = result.GeneratedSources.Single(s => s.HintName == "Bills.Client.g.cs").SourceText.ToString();
        Assert.DoesNotContain("authKeyIdNumber", client);
        Assert.DoesNotContain("authPathMember", client);
    }

    [Theory]
    [InlineData("{ scheme: jws-hs256, key-id-type: integer }", "FPG0024 (5,41):")]
    [InlineData("{ scheme: sha256-sign, path-member: path }", "FPG0025 (5,30):")]
    [InlineData("{ scheme: jws-hs256, key-id: path, path-member: path }", "FPG0006 (5,55):")]
    public void A_misused_header_key_is_reported_at_its_line(string auth, string expected)
    {
        var (result, _) = GeneratorHarness.Run(Spec(auth));

        Assert.Contains(GeneratorHarness.Describe(result.Diagnostics), d => d.StartsWith(expected, System.StringComparison.Ordinal));
    }
}
