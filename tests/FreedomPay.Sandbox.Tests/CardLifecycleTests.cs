using System;
using System.Collections.Generic;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Threading.Tasks;
using FreedomPay.Purchase;
using FreedomPay.TestSupport;

namespace FreedomPay.Sandbox.Tests;

/// <summary>
/// The card lifecycle the sandbox emulates for the Purchase area: init -> the hosted card page (the buyer's browser
/// is played over HTTP here; Chromium drives it in the browser tests) -> held (two-step) or debited (one-step) ->
/// clearing or cancel; refunds whole or partial, never above what was debited; recurring charges on a profile.
/// Every refused transition answers the documented error and changes nothing.
/// </summary>
public sealed class CardLifecycleTests
{
    private const string GoodCard = "4405645000006150";
    private const string DeclinedCard = "4000000000000002";
    private const string ChallengeCard = "4000000000003220";

    private static readonly HttpClient Browser = new(new SocketsHttpHandler { AllowAutoRedirect = false });

    [Fact]
    public async Task Two_step_payment_is_held_then_partly_cleared_then_partly_refunded_and_status_shows_it_all()
    {
        await using var f = await SandboxFixture.StartAsync();
        PurchaseClient purchase = f.Client.Purchase;
        InitResponse init = await purchase.InitAsync(new InitRequest { OrderId = "A-1", Amount = 1500m, Description = "Order A-1", AutoClearing = false, SuccessUrl = "https://shop.test/paid" });

        Assert.Matches("/pay/card/[0-9a-f]{32}$", init.RedirectUrl);
        using HttpResponseMessage paid = await PayAsync(init.RedirectUrl, GoodCard);
        Assert.Equal(HttpStatusCode.Redirect, paid.StatusCode);
        Assert.StartsWith("https://shop.test/paid?pg_order_id=A-1&pg_payment_id=", paid.Headers.Location!.ToString());
        Assert.Equal(SandboxPaymentStatus.Authorized, f.Sandbox.FindPayment(init.PaymentId)!.Status);

        ClearingResponse cleared = await purchase.ClearingAsync(new ClearingRequest { PaymentId = init.PaymentId, ClearingAmount = 1000m });
        RefundResponse refunded = await purchase.RefundAsync(new RefundRequest { PaymentId = init.PaymentId, RefundAmount = 500m });
        StatusResponse status = await purchase.StatusAsync(new StatusRequest { PaymentId = init.PaymentId });

        Assert.Equal((1500m, 1000m), (cleared.Amount, cleared.ClearingAmount));
        Assert.Equal(RefundStatus.Ok, refunded.Status);
        Assert.Equal((PaymentStatus.Success, true, 1000m, -500m), (status.PaymentStatus, status.Captured, status.ClearingAmount, status.RefundAmount));
        Assert.Equal("bankcard", status.PaymentMethod);
        Assert.Equal("440564******6150", status.CardPan);
        RefundPayment refund = Assert.Single(status.RefundPayments);
        Assert.Equal((-500m, PaymentStatus.Success), (refund.Amount, refund.PaymentStatus));
        Assert.NotEqual(init.PaymentId, refund.PaymentId);
    }

    [Fact]
    public async Task One_step_payment_is_debited_at_once_and_a_full_refund_revokes_it()
    {
        await using var f = await SandboxFixture.StartAsync();
        PurchaseClient purchase = f.Client.Purchase;
        InitResponse init = await purchase.InitAsync(new InitRequest { Amount = 200m, Description = "One step", AutoClearing = true });
        (await PayAsync(init.RedirectUrl, GoodCard)).Dispose();

        var clearAgain = await Assert.ThrowsAsync<FreedomPayGatewayException>(() => purchase.ClearingAsync(new ClearingRequest { PaymentId = init.PaymentId }));
        await purchase.RefundAsync(new RefundRequest { PaymentId = init.PaymentId });
        StatusResponse status = await purchase.StatusAsync(new StatusRequest { PaymentId = init.PaymentId });
        var refundAgain = await Assert.ThrowsAsync<FreedomPayGatewayException>(() => purchase.RefundAsync(new RefundRequest { PaymentId = init.PaymentId, RefundAmount = 1m }));

        Assert.Equal("1004", clearAgain.ErrorCode);
        Assert.Contains("already debited", clearAgain.Message);
        Assert.Equal((PaymentStatus.Revoked, -200m), (status.PaymentStatus, status.RefundAmount));
        Assert.Equal("1004", refundAgain.ErrorCode);
    }

    [Fact]
    public async Task Refused_transitions_answer_the_documented_error_and_change_nothing()
    {
        await using var f = await SandboxFixture.StartAsync();
        PurchaseClient purchase = f.Client.Purchase;
        InitResponse unpaid = await purchase.InitAsync(new InitRequest { Amount = 100m, Description = "Unpaid", AutoClearing = false });
        InitResponse held = await purchase.InitAsync(new InitRequest { Amount = 100m, Description = "Held", AutoClearing = false });
        (await PayAsync(held.RedirectUrl, GoodCard)).Dispose();

        var errors = new List<(string What, int Code)>();
        async Task Refused(string what, Func<Task> call)
        {
            var error = await Assert.ThrowsAsync<FreedomPayGatewayException>(call);
            errors.Add((what, int.Parse(error.ErrorCode!)));
        }

        await Refused("clear unpaid", () => purchase.ClearingAsync(new ClearingRequest { PaymentId = unpaid.PaymentId }));
        await Refused("cancel unpaid", () => purchase.CancelAsync(new CancelRequest { PaymentId = unpaid.PaymentId }));
        await Refused("refund held", () => purchase.RefundAsync(new RefundRequest { PaymentId = held.PaymentId }));
        await Refused("clear above held", () => purchase.ClearingAsync(new ClearingRequest { PaymentId = held.PaymentId, ClearingAmount = 100.01m }));
        await Refused("unknown payment", () => purchase.CancelAsync(new CancelRequest { PaymentId = 99 }));
        await Refused("unknown profile", () => purchase.RecurringAsync(new RecurringRequest { RecurringProfile = 42, Amount = 1m, Description = "x" }));
        await purchase.ClearingAsync(new ClearingRequest { PaymentId = held.PaymentId, ClearingAmount = 60m });
        await Refused("clear twice", () => purchase.ClearingAsync(new ClearingRequest { PaymentId = held.PaymentId }));
        await Refused("cancel after clearing", () => purchase.CancelAsync(new CancelRequest { PaymentId = held.PaymentId }));
        await Refused("refund above debited", () => purchase.RefundAsync(new RefundRequest { PaymentId = held.PaymentId, RefundAmount = 60.01m }));

        Assert.Equal(
            new[] { ("clear unpaid", 1004), ("cancel unpaid", 1004), ("refund held", 1004), ("clear above held", 1001), ("unknown payment", 1003), ("unknown profile", 1016), ("clear twice", 1004), ("cancel after clearing", 1004), ("refund above debited", 1001) },
            errors);
        SandboxPayment after = f.Sandbox.FindPayment(held.PaymentId)!;
        Assert.Equal((SandboxPaymentStatus.Success, 60m, 0m), (after.Status, after.Cleared, after.Refunded)); // nothing moved
        Assert.Equal(SandboxPaymentStatus.New, f.Sandbox.FindPayment(unpaid.PaymentId)!.Status);
    }

    [Fact]
    public async Task Cancel_releases_a_held_payment()
    {
        await using var f = await SandboxFixture.StartAsync();
        InitResponse init = await f.Client.Purchase.InitAsync(new InitRequest { Amount = 100m, Description = "Held", AutoClearing = false });
        (await PayAsync(init.RedirectUrl, GoodCard)).Dispose();

        CancelResponse cancelled = await f.Client.Purchase.CancelAsync(new CancelRequest { PaymentId = init.PaymentId });

        Assert.Equal(init.PaymentId, cancelled.PaymentId);
        Assert.Equal(PaymentStatus.Revoked, (await f.Client.Purchase.StatusAsync(new StatusRequest { PaymentId = init.PaymentId })).PaymentStatus);
    }

    [Fact]
    public async Task A_recurring_profile_from_the_first_payment_is_charged_again_without_the_buyer()
    {
        await using var f = await SandboxFixture.StartAsync();
        await using var shop = await CallbackServer.StartAsync();
        InitResponse init = await f.Client.Purchase.InitAsync(new InitRequest
        {
            Amount = 990m, Description = "First month", RecurringStart = true, ResultUrl = new Uri(shop.BaseAddress, "result").AbsoluteUri,
        });
        (await PayAsync(init.RedirectUrl, GoodCard)).Dispose();
        var first = await f.Sandbox.WhenResultDeliveredAsync(init.PaymentId).WaitAsync(TimeSpan.FromSeconds(30));
        long profile = long.Parse(first.Fields.Single(p => p.Key == "pg_recurring_profile_id").Value);

        RecurringResponse again = await f.Client.Purchase.RecurringAsync(new RecurringRequest { RecurringProfile = profile, Amount = 990m, Description = "Second month" });

        Assert.Equal(profile, f.Sandbox.FindPayment(init.PaymentId)!.RecurringProfile);
        Assert.Equal((profile, 990m), (again.RecurringProfile, again.Amount));
        SandboxPayment charged = f.Sandbox.FindPayment(again.PaymentId!.Value)!;
        Assert.Equal((SandboxPaymentStatus.Success, 990m), (charged.Status, charged.Cleared));
        Assert.Equal("bankcard", first.Fields.Single(p => p.Key == "pg_payment_method").Value);
    }

    [Fact]
    public async Task A_declined_card_fails_the_payment_and_sends_the_buyer_to_the_failure_url()
    {
        await using var f = await SandboxFixture.StartAsync();
        InitResponse init = await f.Client.Purchase.InitAsync(new InitRequest { OrderId = "D-1", Amount = 10m, Description = "x", FailureUrl = "https://shop.test/failed" });

        using HttpResponseMessage response = await PayAsync(init.RedirectUrl, DeclinedCard);

        Assert.StartsWith("https://shop.test/failed?pg_order_id=D-1", response.Headers.Location!.ToString());
        Assert.Equal(SandboxPaymentStatus.Failed, f.Sandbox.FindPayment(init.PaymentId)!.Status);
    }

    [Fact]
    public async Task A_challenging_card_asks_for_the_3ds_code_counts_wrong_ones_and_then_pays()
    {
        await using var f = await SandboxFixture.StartAsync(o => o.MaxApprovalAttempts = 3);
        InitResponse init = await f.Client.Purchase.InitAsync(new InitRequest { Amount = 10m, Description = "x", Language = PageLanguage.English });

        using HttpResponseMessage challenge = await PayAsync(init.RedirectUrl, ChallengeCard);
        string page = await Browser.GetStringAsync(init.RedirectUrl!);
        using HttpResponseMessage wrong = await PostAsync(init.RedirectUrl + "/challenge", ("code", "000000"));
        using HttpResponseMessage right = await PostAsync(init.RedirectUrl + "/challenge", ("code", TestCard.ChallengeCode));

        Assert.Equal(HttpStatusCode.Redirect, challenge.StatusCode);
        Assert.Contains("3-D Secure code", page);
        Assert.Contains("400000******3220", page);
        Assert.DoesNotContain("value=\"" + ChallengeCard, page);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, wrong.StatusCode);
        Assert.Contains("Wrong code. Attempts left: 2.", await wrong.Content.ReadAsStringAsync());
        Assert.Equal(SandboxPaymentStatus.Success, f.Sandbox.FindPayment(init.PaymentId)!.Status);
    }

    [Theory]
    [InlineData("4405 6450 0000 6150", "01/20", "123")]
    [InlineData("4405645000006150", "13/30", "123")]
    [InlineData("4405645000006150", "12/30", "12")]
    [InlineData("44056450", "12/30", "123")]
    [InlineData("5555555555554444", "12/30", "123")]
    public async Task A_malformed_or_unknown_card_is_refused_on_the_page_and_the_payment_stays_new(string pan, string expiry, string cvc)
    {
        await using var f = await SandboxFixture.StartAsync();
        InitResponse init = await f.Client.Purchase.InitAsync(new InitRequest { Amount = 10m, Description = "x" });

        using HttpResponseMessage response = await PostAsync(init.RedirectUrl + "/card", ("pan", pan), ("expiry", expiry), ("cvc", cvc));
        string html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Contains("role=\"alert\"", html);
        Assert.DoesNotContain("value=\"" + pan, html); // the number is never written back into the form
        Assert.Equal(SandboxPaymentStatus.New, f.Sandbox.FindPayment(init.PaymentId)!.Status);
    }

    [Fact]
    public async Task Mobile_commerce_still_gets_the_phone_page_from_the_same_init_script()
    {
        await using var f = await SandboxFixture.StartAsync();

        long id = await f.InitAsync();

        Assert.Matches("/pay/[0-9a-f]{32}$", f.Sandbox.FindPayment(id)!.HostedPagePath.Insert(0, "/"));
        var refund = await Assert.ThrowsAsync<FreedomPayGatewayException>(() => f.Client.Purchase.RefundAsync(new RefundRequest { PaymentId = id }));
        Assert.Contains("mobile-commerce payment", refund.Message);
    }

    [Fact]
    public async Task The_payment_page_redirect_creates_the_payment_and_sends_the_browser_to_the_card_page_unless_tampered_with()
    {
        await using var f = await SandboxFixture.StartAsync();
        FreedomPayRedirect redirect = f.Client.Purchase.PaymentPage(new PaymentPageRequest { OrderId = "W-1", Amount = 300m, Description = "Checkout via the browser" });
        string tampered = redirect.Url.AbsoluteUri.Replace("pg_amount=300", "pg_amount=3", StringComparison.Ordinal);

        using HttpResponseMessage response = await Browser.GetAsync(redirect.Url);
        using HttpResponseMessage refused = await Browser.GetAsync(tampered);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Matches("/pay/card/[0-9a-f]{32}$", response.Headers.Location!.AbsolutePath);
        SandboxPayment created = Assert.Single(f.Sandbox.Payments);
        Assert.Equal(("W-1", 300m, SandboxPaymentStatus.New), (created.OrderId, created.Amount, created.Status));
        Assert.NotEqual(tampered, redirect.Url.AbsoluteUri);
        Assert.Contains("<pg_error_code>1002</pg_error_code>", await refused.Content.ReadAsStringAsync());
        (await PayAsync(new Uri(f.Sandbox.BaseAddress, response.Headers.Location).AbsoluteUri, GoodCard)).Dispose();
        Assert.Equal(SandboxPaymentStatus.Success, f.Sandbox.FindPayment(created.Id)!.Status); // one step unless it says otherwise
    }

    private static Task<HttpResponseMessage> PayAsync(string? page, string pan) =>
        PostAsync(page + "/card", ("pan", pan), ("expiry", "12/30"), ("cvc", "123"));

    private static Task<HttpResponseMessage> PostAsync(string? url, params (string Name, string Value)[] fields) =>
        Browser.PostAsync(url ?? throw new InvalidOperationException("init gave no redirect URL"), new FormUrlEncodedContent(fields.Select(f => new KeyValuePair<string, string>(f.Name, f.Value))));
}
