using System.Linq;
using FreedomPay.Generator.Tests.Infrastructure;

namespace FreedomPay.Generator.Tests;

/// <summary>
/// <c>idempotent: request-id</c>: what the generated operation passes to the runtime (which retries the call under the
/// same id) and what its docs tell the caller; misuse is in <see cref="DiagnosticTests"/>.
/// </summary>
public sealed class IdempotentKeyTests
{
    private static string Spec(string idempotent) => $$"""
        area: Refunds
        servers:
          kz: https://api.example.test/
        encoding: json
        auth: jws-hs256
        operations:
          Refund:
            path: /v5/g2g/edit
            summary: Refunds a payment.
            {{idempotent}}
            headers:
              X-Action: gateway.payment.refund
              X-Request-Id: { fill: request-id }
            request:
              merchant_id: { fill: merchant-id }
              id: { required: true }
        """;

    [Fact]
    public void An_idempotent_call_tells_the_runtime_and_its_docs_say_how_it_is_retried()
    {
        var (result, _) = GeneratorHarness.Run(Spec("idempotent: request-id"));

        string refund = result.GeneratedSources.Single(s => s.HintName == "Refunds.Refund.g.cs").SourceText.ToString();
        Assert.Empty(GeneratorHarness.Describe(result.Diagnostics));
        Assert.Contains("idempotent: true", refund);
        Assert.Contains("retries it on network errors and HTTP 5xx under the same id", refund);
    }

    [Fact]
    public void Without_the_key_a_call_that_moves_money_is_never_retried()
    {
        var (result, _) = GeneratorHarness.Run(Spec("note: plain"));

        string refund = result.GeneratedSources.Single(s => s.HintName == "Refunds.Refund.g.cs").SourceText.ToString();
        Assert.DoesNotContain("idempotent:", refund);
        Assert.Contains("Never retried", refund);
    }
}
