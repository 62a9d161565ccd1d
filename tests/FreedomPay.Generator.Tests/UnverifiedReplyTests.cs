using System.Linq;
using FreedomPay.Generator.Tests.Infrastructure;

namespace FreedomPay.Generator.Tests;

/// <summary>
/// <c>verified: false</c> and <c>note:</c> on a <c>response:</c>: a reply the docs do not confirm as a whole (a page
/// that prints none, a signature no example shows) says so in the response class's docs; a misused key is reported at
/// its line.
/// </summary>
public sealed class UnverifiedReplyTests
{
    private static string Spec(string responseKeys) => $$"""
        area: Guess
        servers:
          kz: https://api.example.test/
        operations:
          Clear:
            path: /clear
            summary: Clears a payment.
            request:
              pg_merchant_id: { fill: merchant-id }
              pg_salt: { fill: salt }
              pg_sig: { fill: signature }
            response:
        {{responseKeys}}
              elements:
                pg_status: { values: [ok, error] }
        """;

    [Fact]
    public void An_unverified_reply_says_so_in_its_class_docs_with_the_note()
    {
        var (result, _) = GeneratorHarness.Run(Spec("      verified: false\n      note: the page prints no reply; read as PayBox's SDK reads it."));

        string operation = result.GeneratedSources.Single(s => s.HintName == "Guess.Clear.g.cs").SourceText.ToString();
        Assert.Empty(GeneratorHarness.Describe(result.Diagnostics));
        string responseDoc = operation.Substring(0, operation.IndexOf("public sealed partial class ClearResponse", System.StringComparison.Ordinal));
        Assert.Contains("Not confirmed by the public FreedomPay documentation: the page prints no reply; read as PayBox's SDK reads it.", responseDoc.Substring(responseDoc.LastIndexOf("Reply of", System.StringComparison.Ordinal)));
    }

    [Fact]
    public void A_verified_reply_carries_no_such_remark()
    {
        var (result, _) = GeneratorHarness.Run(Spec(string.Empty));

        string operation = result.GeneratedSources.Single(s => s.HintName == "Guess.Clear.g.cs").SourceText.ToString();
        Assert.DoesNotContain("Not confirmed", operation);
    }

    [Fact]
    public void A_verified_that_is_not_a_flag_is_reported_at_its_value()
    {
        var (result, _) = GeneratorHarness.Run(Spec("      verified: perhaps"));

        string problem = Assert.Single(GeneratorHarness.Describe(result.Diagnostics));
        Assert.StartsWith("FPG0005 (13,17):", problem);
        Assert.Contains("'verified'", problem);
    }
}

/// <summary>
/// <c>secret:</c> as a mapping (<c>{ name, verified, note }</c>): the key is used as with the short form, and an
/// unconfirmed key says so in the area client's docs.
/// </summary>
public sealed class UnverifiedSecretTests
{
    private static string Spec(string secret) => $$"""
        area: Vault
        servers:
          kz: https://api.example.test/
        {{secret}}
        operations:
          Open:
            path: /open
            summary: Opens.
            request:
              pg_merchant_id: { fill: merchant-id }
              pg_salt: { fill: salt }
              pg_sig: { fill: signature }
        """;

    [Fact]
    public void An_unverified_secret_signs_like_the_short_form_and_says_so_in_the_client_docs()
    {
        var (mapped, _) = GeneratorHarness.Run(Spec("secret:\n  name: vault\n  verified: false\n  note: only a cut sentence hints at it."));
        var (plain, _) = GeneratorHarness.Run(Spec("secret: vault"));

        string client = mapped.GeneratedSources.Single(s => s.HintName == "Vault.Client.g.cs").SourceText.ToString();
        string plainClient = plain.GeneratedSources.Single(s => s.HintName == "Vault.Client.g.cs").SourceText.ToString();
        Assert.Empty(GeneratorHarness.Describe(mapped.Diagnostics));
        Assert.Contains("Its own secret key (<c>SecretKeys[\"vault\"]</c>): not confirmed by the public FreedomPay documentation: only a cut sentence hints at it.", client);
        Assert.DoesNotContain("not confirmed", plainClient);
        Assert.Contains("secretName: \"vault\"", client);
        Assert.Equal(plainClient.Split('\n').Count(l => l.Contains("\"vault\"")), client.Split('\n').Count(l => l.Contains("\"vault\"") && !l.Contains("///")));
    }

    [Fact]
    public void A_secret_mapping_without_a_name_is_reported_at_the_key()
    {
        var (result, _) = GeneratorHarness.Run(Spec("secret:\n  verified: false"));

        Assert.Contains(GeneratorHarness.Describe(result.Diagnostics), d => d.StartsWith("FPG0004 (4,1):", System.StringComparison.Ordinal) && d.Contains("'name'"));
    }
}
