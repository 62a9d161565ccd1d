using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading.Tasks;
using FreedomPay.Client.Tests.Infrastructure;
using FreedomPay.GatewayPayments;
using FreedomPay.TestSupport;

namespace FreedomPay.Client.Tests;

/// <summary>
/// 3-D Secure as the spec describes it (spec/freedompay.gateway-payments.yaml): the reply's <c>browser-step</c> as a
/// typed redirect to the issuer's page, and the completion built from what the page posts back (<c>posted-as</c>).
/// </summary>
public sealed class GatewayThreeDsTests
{
    private static readonly Uri ReturnUrl = new("https://shop.test/3ds/return?order=G-1");

    private static PayRequest Payment() => new()
    {
        OrderId = "G-1", Amount = 100m, Description = "Tickets", CardPan = "4916307416334310", CardCvc = "123",
        CardMonth = "12", CardYear = "49", CardName = "TEST TESTOV",
    };

    private static async Task<PayResponse> PayAsync(TestClient test, params (string, string)[] elements)
    {
        test.Gateway.Respond = _ => FakeGateway.Xml(FakeGateway.SignedReply("payment", new[] { ("pg_payment_id", "7777"), ("pg_status", "ok") }.Concat(elements).ToArray()));
        return await test.Client.GatewayPayments.PayAsync(Payment());
    }

    [Fact]
    public async Task A_reply_asking_for_3DS_gives_a_form_to_post_to_the_issuer_with_PaReq_MD_and_the_return_address()
    {
        using var test = new TestClient();
        PayResponse reply = await PayAsync(test, ("pg_3ds", "1"), ("pg_3d_acsurl", "https://acs.bank.test/3ds?session=9"), ("pg_3d_md", "md-value"), ("pg_3d_pareq", "pareq-value"));

        FreedomPayRedirect page = reply.IssuerPage(ReturnUrl)!;

        Assert.Equal(("POST", "https://acs.bank.test/3ds?session=9"), (page.Method, page.Url.AbsoluteUri));
        Assert.Equal(
            new[] { ("PaReq", "pareq-value"), ("MD", "md-value"), ("TermUrl", ReturnUrl.AbsoluteUri) },
            page.Fields.Select(f => (f.Key, f.Value)));
        Assert.Contains("name=\"PaReq\" value=\"pareq-value\"", page.ToHtmlForm("Continue"));
        Assert.Equal("POST https://acs.bank.test/3ds (3 fields)", page.ToString()); // no values, no query
    }

    [Fact]
    public async Task A_reply_without_3DS_asks_for_no_page()
    {
        using var test = new TestClient();
        PayResponse reply = await PayAsync(test, ("pg_3ds", "0"), ("pg_auth_code", "243412"));

        Assert.Null(reply.IssuerPage(ReturnUrl));
    }

    [Theory]
    [InlineData("javascript:alert(1)")]
    [InlineData("/relative/3ds")]
    [InlineData("ftp://acs.bank.test/3ds")]
    public async Task An_issuer_address_that_is_not_absolute_http_is_refused(string address)
    {
        using var test = new TestClient();
        PayResponse reply = await PayAsync(test, ("pg_3ds", "1"), ("pg_3d_acsurl", address), ("pg_3d_md", "m"), ("pg_3d_pareq", "p"));

        var ex = Assert.Throws<FreedomPayProtocolException>(() => reply.IssuerPage(ReturnUrl));

        Assert.Contains("pg_3d_acsurl is not an absolute http(s) address", ex.Message);
    }

    [Fact]
    public async Task The_completion_is_built_from_what_the_page_posted_whatever_the_case_of_its_names_and_sent_signed()
    {
        using var test = new TestClient();
        var posted = new Dictionary<string, string> { ["md"] = "md-value", ["PARES"] = "pares-value", ["other"] = "ignored" };
        CompleteThreeDsRequest request = CompleteThreeDsRequest.FromPostedForm(posted, paymentId: 7777);
        test.Gateway.Respond = _ => FakeGateway.Xml(FakeGateway.SignedReply("paymentAcs", ("pg_payment_id", "7777"), ("pg_status", "ok"), ("pg_auth_code", "243412")));

        CompleteThreeDsResponse reply = await test.Client.GatewayPayments.CompleteThreeDsAsync(request);

        CapturedRequest sent = test.Gateway.Single;
        Assert.Equal("/g2g/paymentAcs", sent.Uri.AbsolutePath);
        Assert.Equal(new[] { "pg_merchant_id", "pg_payment_id", "pg_md", "pg_pares", "pg_salt", "pg_sig" }, sent.Names);
        Assert.Equal(("7777", "md-value", "pares-value"), (sent["pg_payment_id"], sent["pg_md"], sent["pg_pares"]));
        Assert.Equal(ReferenceSignature.Sign("paymentAcs", sent.Fields.Where(f => f.Key != "pg_sig"), FakeGateway.Secret), sent["pg_sig"]);
        Assert.Equal(("243412", ResultStatus.Ok), (reply.AuthCode, reply.Status));
        Assert.DoesNotContain("pares-value", request.ToString());
    }

    [Fact]
    public void A_post_back_without_PaRes_is_refused_naming_it()
    {
        var ex = Assert.Throws<FreedomPayValidationException>(() => CompleteThreeDsRequest.FromPostedForm(new Dictionary<string, string> { ["MD"] = "m" }, paymentId: 1));

        FieldError error = Assert.Single(ex.Errors);
        Assert.Equal(("PaRes", "Pares"), (error.WireName, error.MemberName));
        Assert.Contains("was not posted back by the page", error.Rule);
    }

    [Fact]
    public void A_post_back_with_more_fields_than_a_page_sends_is_refused_before_it_is_read_further()
    {
        IEnumerable<KeyValuePair<string, string>> Flood()
        {
            for (int i = 0; ; i++)
            {
                yield return new KeyValuePair<string, string>("f" + i, "x"); // endless: reading must stop at the limit
            }
        }

        var ex = Assert.Throws<FreedomPayValidationException>(() => CompleteThreeDsRequest.FromPostedForm(Flood(), paymentId: 1));

        Assert.Contains("at most 256 fields", Assert.Single(ex.Errors).Rule);
    }
}
