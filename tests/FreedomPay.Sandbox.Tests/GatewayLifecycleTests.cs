using System;
using System.Collections.Generic;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Text.RegularExpressions;
using System.Threading.Tasks;
using FreedomPay.GatewayPayments;

namespace FreedomPay.Sandbox.Tests;

/// <summary>
/// The Gateway API's card payments in the sandbox: the card sent from the merchant's server, 3-D Secure on the
/// sandbox's issuer page (the buyer's browser is played over HTTP here; Chromium drives it in the browser tests),
/// the completion, then clearing, refund and status on the same card lifecycle as Purchase.
/// </summary>
public sealed class GatewayLifecycleTests
{
    private const string GoodCard = "4405645000006150";
    private const string DeclinedCard = "4000000000000002";
    private const string ChallengeCard = "4000000000003220";
    private static readonly Uri ReturnUrl = new("https://shop.test/3ds/return");

    private static readonly HttpClient Browser = new(new SocketsHttpHandler { AllowAutoRedirect = false });

    private static PayRequest Card(string pan, decimal amount = 1500m, bool autoClearing = false) => new()
    {
        OrderId = "G-" + Guid.NewGuid().ToString("N")[..8], Amount = amount, Description = "Tickets", AutoClearing = autoClearing,
        CardPan = pan, CardCvc = "123", CardMonth = "12", CardYear = "49", CardName = "TEST TESTOV",
    };

    [Fact]
    public async Task A_challenged_card_passes_the_issuer_page_then_is_held_cleared_in_part_refunded_in_part_and_status_shows_it()
    {
        await using var f = await SandboxFixture.StartAsync();
        GatewayPaymentsClient gateway = f.Client.GatewayPayments;
        PayRequest request = Card(ChallengeCard);

        PayResponse payment = await gateway.PayAsync(request);
        Assert.Equal((PaymentReplyStatus.Ok, true), (payment.Status, payment.ThreeDs));
        Dictionary<string, string> posted = await PassIssuerPageAsync(payment.IssuerPage(ReturnUrl)!, "111111");
        CompleteThreeDsResponse completed = await gateway.CompleteThreeDsAsync(CompleteThreeDsRequest.FromPostedForm(posted, payment.PaymentId));
        ClearingResponse cleared = await gateway.ClearingAsync(new ClearingRequest { PaymentId = payment.PaymentId, ClearingAmount = 1000m });
        RefundResponse refunded = await gateway.RefundAsync(new RefundRequest { PaymentId = payment.PaymentId, Amount = 400m });
        StatusResponse status = await gateway.StatusAsync(new StatusRequest { PaymentId = payment.PaymentId, OrderId = request.OrderId });

        Assert.Equal(ResultStatus.Ok, completed.Status);
        Assert.Matches("^[0-9]{6}$", completed.AuthCode);
        Assert.Equal((1500m, 1000m, true), (cleared.Amount, cleared.ClearingAmount, cleared.ClearingStatus));
        Assert.Equal("success", refunded.RefundStatus);
        Assert.NotEqual(payment.PaymentId, refunded.PaymentRefundId);
        Assert.Equal(("success", 1000m, true), (status.PaymentStatus, status.ClearingAmount, status.Captured));
        Assert.Equal(400m, -Assert.Single(status.RefundPayments).Amount!.Value);
    }

    [Fact]
    public async Task A_wrong_code_on_the_issuer_page_fails_the_payment_at_completion()
    {
        await using var f = await SandboxFixture.StartAsync();
        PayResponse payment = await f.Client.GatewayPayments.PayAsync(Card(ChallengeCard));

        Dictionary<string, string> posted = await PassIssuerPageAsync(payment.IssuerPage(ReturnUrl)!, "000000");
        var ex = await Assert.ThrowsAsync<FreedomPayGatewayException>(() => f.Client.GatewayPayments.CompleteThreeDsAsync(CompleteThreeDsRequest.FromPostedForm(posted, payment.PaymentId)));

        Assert.Equal("10004", ex.ErrorCode);
        Assert.Equal(SandboxPaymentStatus.Failed, f.Sandbox.FindPayment(payment.PaymentId)!.Status);
    }

    [Fact]
    public async Task A_forged_PaRes_is_refused_and_changes_nothing()
    {
        await using var f = await SandboxFixture.StartAsync();
        PayResponse payment = await f.Client.GatewayPayments.PayAsync(Card(ChallengeCard));
        FreedomPayRedirect page = payment.IssuerPage(ReturnUrl)!;
        string md = page.Fields.Single(p => p.Key == "MD").Value;

        var ex = await Assert.ThrowsAsync<FreedomPayGatewayException>(() => f.Client.GatewayPayments.CompleteThreeDsAsync(
            CompleteThreeDsRequest.FromPostedForm(new Dictionary<string, string> { ["MD"] = md, ["PaRes"] = "Y." + new string('0', 64) }, payment.PaymentId)));

        Assert.Contains("pg_pares", ex.Message);
        Assert.Equal(SandboxPaymentStatus.Pending, f.Sandbox.FindPayment(payment.PaymentId)!.Status);
    }

    [Fact]
    public async Task An_approving_card_is_debited_at_once_without_3DS_and_a_declining_one_is_refused()
    {
        await using var f = await SandboxFixture.StartAsync();

        PayResponse approved = await f.Client.GatewayPayments.PayAsync(Card(GoodCard, 200m, autoClearing: true));
        var declined = await Assert.ThrowsAsync<FreedomPayGatewayException>(() => f.Client.GatewayPayments.PayAsync(Card(DeclinedCard)));

        Assert.Equal((PaymentReplyStatus.Ok, false), (approved.Status, approved.ThreeDs));
        Assert.Null(approved.IssuerPage(ReturnUrl));
        Assert.Equal(SandboxPaymentStatus.Success, f.Sandbox.FindPayment(approved.PaymentId)!.Status);
        Assert.Equal("1011", declined.ErrorCode);
    }

    [Fact]
    public async Task A_held_payment_is_cancelled_and_Apple_Pay_with_the_test_cryptogram_is_told_apart_from_a_card_payment()
    {
        await using var f = await SandboxFixture.StartAsync();
        PayResponse held = await f.Client.GatewayPayments.PayAsync(Card(GoodCard));
        CancelResponse cancelled = await f.Client.GatewayPayments.CancelAsync(new CancelRequest { PaymentId = held.PaymentId });

        PayWithApplePayResponse wallet = await f.Client.GatewayPayments.PayWithApplePayAsync(new PayWithApplePayRequest
        {
            OrderId = "W-1", Amount = 50m, Description = "Coffee", CardPan = GoodCard, CardMonth = "12", CardYear = "49", CardName = "TEST",
            OnlinePaymentCryptogram = TestCard.WalletCryptogram, EciIndicator = "05",
        });
        var forged = await Assert.ThrowsAsync<FreedomPayGatewayException>(() => f.Client.GatewayPayments.PayWithGooglePayAsync(new PayWithGooglePayRequest
        {
            OrderId = "W-2", Amount = 50m, Description = "Coffee", CardPan = GoodCard, CardMonth = "12", CardYear = "49",
            OnlinePaymentCryptogram = "bm90LXRoZS10ZXN0", EciIndicator = "05",
        }));

        Assert.Equal("success", cancelled.RevokeStatus);
        Assert.Equal(SandboxPaymentStatus.Revoked, f.Sandbox.FindPayment(held.PaymentId)!.Status);
        Assert.Equal(PaymentReplyStatus.Ok, wallet.Status);
        Assert.Equal(SandboxPaymentStatus.Success, f.Sandbox.FindPayment(wallet.PaymentId)!.Status);
        Assert.Contains("pg_online_payment_cryptogram", forged.Message);
    }

    [Fact]
    public async Task The_issuer_page_refuses_a_form_that_names_no_waiting_payment_or_a_non_web_return_address()
    {
        await using var f = await SandboxFixture.StartAsync();
        PayResponse payment = await f.Client.GatewayPayments.PayAsync(Card(ChallengeCard));
        FreedomPayRedirect page = payment.IssuerPage(ReturnUrl)!;
        string md = page.Fields.Single(p => p.Key == "MD").Value;

        using HttpResponseMessage unknown = await Browser.PostAsync(page.Url, new FormUrlEncodedContent(new Dictionary<string, string> { ["MD"] = "54321.1.nope", ["TermUrl"] = ReturnUrl.AbsoluteUri }));
        using HttpResponseMessage script = await Browser.PostAsync(page.Url, new FormUrlEncodedContent(new Dictionary<string, string> { ["MD"] = md, ["TermUrl"] = "javascript:alert(1)" }));

        Assert.Equal((HttpStatusCode.BadRequest, HttpStatusCode.BadRequest), (unknown.StatusCode, script.StatusCode));
    }

    [Fact]
    public async Task A_card_saved_from_the_server_is_listed_pays_by_token_and_once_removed_pays_no_more()
    {
        await using var f = await SandboxFixture.StartAsync();
        GatewayCards.GatewayCardsClient cards = f.Client.GatewayCards;

        GatewayCards.AddResponse added = await cards.AddAsync(new GatewayCards.AddRequest
        {
            UserId = "user-7", CardPan = GoodCard, CardCvc = "123", CardMonth = "12", CardYear = "49", CardName = "TEST TESTOV",
        });
        GatewayCards.ListResponse listed = await cards.ListAsync(new GatewayCards.ListRequest { UserId = "user-7" });
        PayByTokenResponse paid = await f.Client.GatewayPayments.PayByTokenAsync(new PayByTokenRequest
        {
            OrderId = "T-1", Amount = 300m, Description = "Refill", UserId = "user-7", CardToken = added.CardToken!,
        });
        GatewayCards.RemoveResponse removed = await cards.RemoveAsync(new GatewayCards.RemoveRequest { UserId = "user-7", CardToken = added.CardToken! });
        var afterRemoval = await Assert.ThrowsAsync<FreedomPayGatewayException>(() => f.Client.GatewayPayments.PayByTokenAsync(new PayByTokenRequest
        {
            OrderId = "T-2", Amount = 300m, Description = "Refill", UserId = "user-7", CardToken = added.CardToken!,
        }));

        Assert.Equal(("4405-64XX-XXXX-6150", false), (added.CardMask, added.ThreeDs));
        Assert.Equal((added.CardToken, "440564-XXXXXX-6150"), (Assert.Single(listed.Cards).CardToken, listed.Cards[0].CardHash));
        Assert.Equal(SandboxPaymentStatus.Success, f.Sandbox.FindPayment(paid.PaymentId)!.Status);
        Assert.Equal(GatewayCards.RemoveStatus.Success, removed.Status);
        Assert.Equal("1017", afterRemoval.ErrorCode);
    }

    [Fact]
    public async Task A_payment_that_starts_a_recurring_profile_is_charged_again_through_it_without_the_card()
    {
        await using var f = await SandboxFixture.StartAsync();
        PayRequest first = Card(GoodCard, 100m, autoClearing: true);
        PayResponse paid = await f.Client.GatewayPayments.PayAsync(new PayRequest
        {
            OrderId = first.OrderId, Amount = first.Amount, Description = first.Description, AutoClearing = true, RecurringStart = true, RecurringLifetime = 12,
            CardPan = first.CardPan, CardCvc = first.CardCvc, CardMonth = first.CardMonth, CardYear = first.CardYear, CardName = first.CardName,
        });

        RecurrentResponse again = await f.Client.GatewayPayments.RecurrentAsync(new RecurrentRequest
        {
            OrderId = "R-2", Amount = 100m, Description = "Monthly", RecurringProfile = paid.RecurringProfile!.Value,
        });
        var unknown = await Assert.ThrowsAsync<FreedomPayGatewayException>(() => f.Client.GatewayPayments.RecurrentAsync(new RecurrentRequest
        {
            OrderId = "R-3", Amount = 100m, Description = "Monthly", RecurringProfile = 42,
        }));

        Assert.Equal((ResultStatus.Ok, paid.RecurringProfile), (again.Status, again.RecurringProfile));
        Assert.Equal(SandboxPaymentStatus.Success, f.Sandbox.FindPayment(again.PaymentId)!.Status);
        Assert.Equal("1016", unknown.ErrorCode);
    }

    [Theory]
    [InlineData("4405645000006151", "12", "49", "1001", "pg_card_pan")]   // a wrong check digit
    [InlineData("4405 6450 0000 6150", "12", "49", "1001", "pg_card_pan")] // spaces
    [InlineData(GoodCard, "01", "20", "1011", "expired")]                // fake clock: November 2026
    public async Task The_sandbox_refuses_what_a_client_that_skipped_its_card_checks_sends(string pan, string month, string year, string code, string says)
    {
        await using var f = await SandboxFixture.StartAsync();
        var values = new Dictionary<string, string>
        {
            ["pg_order_id"] = "RAW-1", ["pg_amount"] = "10", ["pg_description"] = "x", ["pg_card_pan"] = pan, ["pg_card_cvc"] = "123",
            ["pg_card_year"] = year, ["pg_card_month"] = month, ["pg_card_name"] = "TEST",
        };

        var reply = await RawGateway.PostAsync(f, GatewayPaymentsClient.PayInfo, values);

        Assert.Equal(("error", code), (reply.Element("pg_status")!.Value, reply.Element("pg_error_code")!.Value));
        Assert.Contains(says, reply.Element("pg_error_description")!.Value);
        Assert.Empty(f.Sandbox.Payments);
    }

    /// <summary>The buyer's browser: posts the merchant's form to the issuer page, types the code, and returns what the page posts back.</summary>
    internal static async Task<Dictionary<string, string>> PassIssuerPageAsync(FreedomPayRedirect page, string code)
    {
        Assert.Equal("POST", page.Method);
        using HttpResponseMessage form = await Browser.PostAsync(page.Url, new FormUrlEncodedContent(page.Fields));
        Assert.Equal(HttpStatusCode.OK, form.StatusCode);
        string html = await form.Content.ReadAsStringAsync();
        Assert.Contains("id=\"issuer-form\"", html);
        Dictionary<string, string> hidden = Hidden(html);
        hidden["code"] = code;
        using HttpResponseMessage confirmed = await Browser.PostAsync(new Uri(page.Url, "/_sandbox/issuer/code"), new FormUrlEncodedContent(hidden));
        string back = await confirmed.Content.ReadAsStringAsync();
        Assert.Contains("action=\"" + ReturnUrl.AbsoluteUri + "\"", back);
        return Hidden(back);
    }

    private static Dictionary<string, string> Hidden(string html) => Regex.Matches(html, "<input type=\"hidden\" name=\"([^\"]+)\" value=\"([^\"]*)\">")
        .ToDictionary(m => m.Groups[1].Value, m => WebUtility.HtmlDecode(m.Groups[2].Value));
}
