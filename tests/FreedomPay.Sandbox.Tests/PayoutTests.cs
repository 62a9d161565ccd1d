using System;
using System.Collections.Generic;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Threading.Tasks;
using FreedomPay.Payouts;
using FreedomPay.Runtime;
using FreedomPay.TestSupport;

namespace FreedomPay.Sandbox.Tests;

/// <summary>
/// The Payouts area against the sandbox: the balance payments fill, payouts to a saved card and to an IBAN signed
/// with the payout key, made later and reported by Payout notify (retried until HTTP 200), and each refusal.
/// </summary>
public sealed class PayoutTests
{
    /// <summary>A Kazakh IBAN whose check digits hold (ISO 13616), made up for the tests.</summary>
    private const string ValidIban = "KZ86125KZT5004100100";

    [Fact]
    public async Task A_payout_to_a_saved_card_leaves_the_balance_and_is_notified_signed_with_the_payout_key_until_http_200()
    {
        await using var shop = await CallbackServer.StartAsync();
        shop.Respond = (call, _) => call == 0 ? (500, "busy") : (200, string.Empty);
        await using var f = await SandboxFixture.StartAsync(o => o.ResultRetryInterval = TimeSpan.FromMinutes(30));
        await PayInAsync(f, 1000m);
        string token = await SavedCardTests.SaveAsync(f, "payee-1", "4405645000006150");
        PayoutsClient payouts = f.Client.Payouts;
        Assert.Equal(1000m, (await payouts.BalanceAsync(new BalanceRequest())).Balance);

        ToSavedCardResponse payout = await payouts.ToSavedCardAsync(new ToSavedCardRequest
        {
            OrderId = "P-1", Amount = 400m, Description = "Winnings", OrderTimeLimit = new DateTime(2026, 12, 31, 12, 0, 0),
            UserId = "payee-1", CardTokenTo = token, PostLink = new Uri(shop.BaseAddress, "shop/payout").ToString(),
        });
        Assert.Equal((ResultStatus.Ok, 600m, 400m, "4405-64XX-XXXX-6150"), (payout.Status, payout.Balance, payout.PaymentAmount, payout.CardHash));
        Assert.Equal(PayoutStatus.New, (await payouts.StatusAsync(new StatusRequest { PaymentId = payout.PaymentId })).TransactionStatus);

        f.Clock.Advance(TimeSpan.FromSeconds(1)); // the payout is made
        await ResultNotifyTests.WaitUntil(() => f.Sandbox.ResultDeliveries.SingleOrDefault(d => d.PaymentId == payout.PaymentId)?.Attempts.Count == 1);
        f.Clock.Advance(TimeSpan.FromMinutes(30)); // the first notify got 500: sent again
        await ResultNotifyTests.WaitUntil(() => f.Sandbox.ResultDeliveries.Single(d => d.PaymentId == payout.PaymentId).Delivered);
        Assert.Equal(new int?[] { 500, 200 }, f.Sandbox.ResultDeliveries.Single(d => d.PaymentId == payout.PaymentId).Attempts.Select(a => a.HttpStatus));

        var fields = shop.Received[1];
        PayoutNotification notify = PayoutNotification.Parse(CallbackMessage.FromFields("payout", fields), f.Sandbox.Merchant.SecretFor("payout")!);
        Assert.Equal((payout.PaymentId, (ResultStatus?)ResultStatus.Ok, (decimal?)400m, (decimal?)600m), (notify.PaymentId, notify.Status, notify.PaymentAmount, notify.Balance));
        Assert.Equal("payout", PayoutNotification.SecretName);
        Assert.Equal(CallbackReplyKind.Http200, PayoutNotification.ReplyKind);
        Assert.Throws<FreedomPaySignatureException>(() => PayoutNotification.Parse(CallbackMessage.FromFields("payout", fields), f.Sandbox.Merchant.SecretKey));

        Assert.Equal(PayoutStatus.Ok, (await payouts.StatusAsync(new StatusRequest { PaymentId = payout.PaymentId })).TransactionStatus);
        StatusV2Response v2 = await payouts.StatusV2Async(new StatusV2Request { OrderId = "P-1" });
        Assert.Equal((payout.PaymentId, PayoutResult.Success), (v2.PaymentId, v2.PaymentStatus));
        Assert.Equal(0L, (await payouts.StatusV2Async(new StatusV2Request { OrderId = "nope" })).PaymentId);
        StatusByOrderResponse legacy = await payouts.StatusByOrderAsync(new StatusByOrderRequest { OrderId = "P-1" });
        Assert.Equal((payout.PaymentId, TransactionStatus.Ok), (legacy.PaymentId, legacy.TransactionStatus));
        Assert.Equal(600m, (await payouts.BalanceAsync(new BalanceRequest())).Balance);
    }

    [Fact]
    public async Task A_payout_to_a_declining_card_fails_and_its_amount_returns_to_the_balance()
    {
        await using var shop = await CallbackServer.StartAsync();
        await using var f = await SandboxFixture.StartAsync();
        await PayInAsync(f, 100m);
        string token = await SavedCardTests.SaveAsync(f, "payee-2", "4000000000000002");

        ToSavedCardResponse payout = await f.Client.Payouts.ToSavedCardAsync(new ToSavedCardRequest
        {
            OrderId = "P-2", Amount = 100m, Description = "x", OrderTimeLimit = new DateTime(2026, 12, 31, 12, 0, 0),
            UserId = "payee-2", CardTokenTo = token, PostLink = new Uri(shop.BaseAddress, "payout").ToString(),
        });
        f.Clock.Advance(TimeSpan.FromSeconds(1));
        await shop.WaitForAsync(1);

        PayoutNotification notify = PayoutNotification.Parse(CallbackMessage.FromFields("payout", shop.Received[0]), f.Sandbox.Merchant.SecretFor("payout")!);
        Assert.Equal((payout.PaymentId, (ResultStatus?)ResultStatus.Error, (decimal?)100m), (notify.PaymentId, notify.Status, notify.Balance));
        Assert.Equal(PayoutStatus.Failed, (await f.Client.Payouts.StatusAsync(new StatusRequest { PaymentId = payout.PaymentId })).TransactionStatus);
    }

    [Fact]
    public async Task Refusals_insufficient_balance_unknown_and_removed_token_bad_iban_and_no_payout_key()
    {
        await using var f = await SandboxFixture.StartAsync(o => o.Merchants.Add(new SandboxMerchant("888", "no-payouts")));
        await PayInAsync(f, 50m);
        string token = await SavedCardTests.SaveAsync(f, "payee-3", "4405645000006150");
        PayoutsClient payouts = f.Client.Payouts;
        ToSavedCardRequest ToCard(decimal amount, string card) => new()
        {
            OrderId = "R-" + amount, Amount = amount, Description = "x", OrderTimeLimit = new DateTime(2026, 12, 31, 12, 0, 0),
            UserId = "payee-3", CardTokenTo = card, PostLink = "https://shop.test/payout",
        };
        ToIbanRequest ToIban(string iban) => new()
        {
            OrderId = "I-1", Amount = 10m, Description = "Refund by transfer", PostLink = "https://shop.test/payout", RecipientIban = iban,
            RecipientIin = "761223455678", RecipientName = "IVANOV IVAN", RecipientKbe = "19", Knp = "119", BankBik = "KZZSAE",
        };
        async Task<string> Refused(Func<Task> call) => (await Assert.ThrowsAsync<FreedomPayGatewayException>(call)).ErrorCode!;

        Assert.Equal("1018", await Refused(() => payouts.ToSavedCardAsync(ToCard(50.01m, token))));
        Assert.Equal("1017", await Refused(() => payouts.ToSavedCardAsync(ToCard(1m, "no-such-token"))));
        Assert.Equal("1001", await Refused(() => payouts.ToIbanAsync(ToIban("KZ87125KZT5004100100")))); // one check digit off
        ToIbanResponse iban = await payouts.ToIbanAsync(ToIban(ValidIban));
        Assert.Equal((10m, f.Clock.GetUtcNow()), (iban.PaymentAmount, iban.PaymentDate));
        await f.Client.Cards.RemoveAsync(new Cards.RemoveRequest { UserId = "payee-3", CardToken = token });
        Assert.Equal("1017", await Refused(() => payouts.ToSavedCardAsync(ToCard(1m, token))));
        Assert.Equal(40m, (await payouts.BalanceAsync(new BalanceRequest())).Balance);

        // A client without the payout key refuses before sending; a merchant without one is refused by the gateway.
        using FreedomPayClient noKey = f.NewClient(f.Sandbox.Merchant.MerchantId, f.Sandbox.Merchant.SecretKey);
        var missing = await Assert.ThrowsAsync<InvalidOperationException>(() => noKey.Payouts.BalanceAsync(new BalanceRequest()));
        Assert.Contains("SecretKeys[\"payout\"]", missing.Message);
        using FreedomPayClient disabled = f.NewClient("888", "no-payouts", payoutKey: "no-payouts");
        var error = await Assert.ThrowsAsync<FreedomPayGatewayException>(() => disabled.Payouts.BalanceAsync(new BalanceRequest()));
        Assert.Equal("1019", error.ErrorCode);
    }

    [Fact]
    public async Task A_payout_to_an_unsaved_card_waits_on_its_page_until_the_recipient_types_a_card_then_is_made_and_notified()
    {
        await using var shop = await CallbackServer.StartAsync();
        await using var f = await SandboxFixture.StartAsync();
        await PayInAsync(f, 500m);
        using var browser = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false });

        ToUnsavedCardResponse created = await f.Client.Payouts.ToUnsavedCardAsync(new ToUnsavedCardRequest
        {
            OrderId = "U-1", Amount = 200m, Description = "Refund by transfer", OrderTimeLimit = new DateTime(2026, 12, 31, 12, 0, 0),
            UserId = "payee-9", BackLink = "https://shop.test/payouts", PostLink = new Uri(shop.BaseAddress, "payout").ToString(),
        });
        Assert.Matches("/pay/payout/[0-9a-f]{32}$", created.RedirectUrl);
        Assert.Equal(300m, (await f.Client.Payouts.BalanceAsync(new BalanceRequest())).Balance); // reserved at once
        f.Clock.Advance(TimeSpan.FromSeconds(5));
        Assert.Equal(PayoutStatus.New, (await f.Client.Payouts.StatusAsync(new StatusRequest { PaymentId = created.PaymentId })).TransactionStatus);
        Assert.Empty(shop.Received); // nothing is paid before a card is named
        SandboxPayout waiting = Assert.Single(f.Sandbox.Payouts);
        Assert.Equal((created.PaymentId, (string?)null, "process"), (waiting.Id, waiting.Target, waiting.Status));
        Assert.EndsWith(waiting.PagePath!, created.RedirectUrl);

        string page = WebUtility.HtmlDecode(await browser.GetStringAsync(created.RedirectUrl));
        Assert.Contains("Получение выплаты", page);
        Assert.Contains("200,00\u00A0KZT", page);
        using (HttpResponseMessage bad = await browser.PostAsync(created.RedirectUrl + "/card", Form(("pan", "1234"), ("expiry", "12/30"), ("cvc", "123"))))
        {
            Assert.Equal(HttpStatusCode.UnprocessableEntity, bad.StatusCode);
        }

        using (HttpResponseMessage typed = await browser.PostAsync(created.RedirectUrl + "/card", Form(("pan", "4405645000006150"), ("expiry", "12/30"), ("cvc", "123"))))
        {
            Assert.Equal(HttpStatusCode.Redirect, typed.StatusCode);
        }

        string done = await browser.GetStringAsync(created.RedirectUrl);
        Assert.Contains("Выплата принята", done);
        Assert.Contains("4405-64XX-XXXX-6150", done);
        Assert.Contains("https://shop.test/payouts", done);
        f.Clock.Advance(TimeSpan.FromSeconds(1));
        await shop.WaitForAsync(1);
        PayoutNotification notify = PayoutNotification.Parse(CallbackMessage.FromFields("payout", shop.Received[0]), f.Sandbox.Merchant.SecretFor("payout")!);
        Assert.Equal((created.PaymentId, (ResultStatus?)ResultStatus.Ok, "4405-64XX-XXXX-6150", (decimal?)300m), (notify.PaymentId, notify.Status, notify.CardHash, notify.Balance));
        Assert.Equal(PayoutStatus.Ok, (await f.Client.Payouts.StatusAsync(new StatusRequest { PaymentId = created.PaymentId })).TransactionStatus);
        SandboxPayout made = Assert.Single(f.Sandbox.Payouts);
        Assert.Equal(("4405-64XX-XXXX-6150", "success", true), (made.Target, made.Status, made.FinishedAt.HasValue));

        // The page does not take a second card.
        using HttpResponseMessage again = await browser.PostAsync(created.RedirectUrl + "/card", Form(("pan", "4000000000000002"), ("expiry", "12/30"), ("cvc", "123")));
        Assert.Equal(HttpStatusCode.Redirect, again.StatusCode);
        Assert.Contains("4405-64XX-XXXX-6150", await browser.GetStringAsync(created.RedirectUrl));
        Assert.Equal(HttpStatusCode.NotFound, (await browser.GetAsync(created.RedirectUrl + "0")).StatusCode);
    }

    [Fact]
    public async Task Gateway_status_reads_a_card_payment_with_its_refunds_and_refuses_an_order_id_not_its_own()
    {
        await using var f = await SandboxFixture.StartAsync();
        string token = await SavedCardTests.SaveAsync(f, "payer-g", "4405645000006150");
        Cards.InitResponse init = await f.Client.Cards.InitAsync(new Cards.InitRequest { OrderId = "G-1", Amount = 800m, Description = "Pay-in", UserId = "payer-g", CardToken = token });
        await f.Client.Cards.DirectAsync(new Cards.DirectRequest { PaymentId = init.PaymentId });
        await f.Client.Purchase.RefundAsync(new Purchase.RefundRequest { PaymentId = init.PaymentId, RefundAmount = 300m });

        GatewayPayments.StatusResponse byBoth = await f.Client.GatewayPayments.StatusAsync(new GatewayPayments.StatusRequest { PaymentId = init.PaymentId, OrderId = "G-1" });
        var mismatch = await Assert.ThrowsAsync<FreedomPayGatewayException>(() => f.Client.GatewayPayments.StatusAsync(new GatewayPayments.StatusRequest { PaymentId = init.PaymentId, OrderId = "other" }));

        Assert.Equal((init.PaymentId, "success", (decimal?)800m, (decimal?)800m, "440564******6150", (bool?)true), (byBoth.PaymentId, byBoth.PaymentStatus, byBoth.Amount, byBoth.ClearingAmount, byBoth.CardPan, byBoth.Captured));
        GatewayPayments.GatewayRefund refund = Assert.Single(byBoth.RefundPayments);
        Assert.Equal(("success", (decimal?)-300m), (refund.PaymentStatus, refund.Amount));
        Assert.Equal("1003", mismatch.ErrorCode); // payment not found: the id and the order id must belong together
    }

    [Fact]
    public async Task The_stand_in_shop_answers_200_to_a_notification_signed_with_any_merchant_key_and_400_to_a_forged_one()
    {
        await using var f = await SandboxFixture.StartAsync();
        using var http = new HttpClient();
        async Task<HttpStatusCode> Post(string secret)
        {
            var fields = new List<KeyValuePair<string, string>> { new("pg_payment_id", "5"), new("pg_status", "ok"), new("pg_salt", "s") };
            fields.Add(new("pg_sig", ReferenceSignature.Sign("notify", fields, secret)));
            using var response = await http.PostAsync(f.Sandbox.Shop.NotifyUrl, new FormUrlEncodedContent(fields));
            return response.StatusCode;
        }

        Assert.Equal(HttpStatusCode.OK, await Post(f.Sandbox.Merchant.SecretFor("payout")!));
        Assert.Equal(HttpStatusCode.OK, await Post(f.Sandbox.Merchant.SecretKey));
        Assert.Equal(HttpStatusCode.BadRequest, await Post("not-a-merchant-key"));
    }

    private static FormUrlEncodedContent Form(params (string Name, string Value)[] fields) =>
        new(fields.Select(x => new KeyValuePair<string, string>(x.Name, x.Value)));

    /// <summary>A paid card payment of the amount: what fills the balance payouts are paid from.</summary>
    private static async Task PayInAsync(SandboxFixture f, decimal amount)
    {
        string token = await SavedCardTests.SaveAsync(f, "payer", "4405645000006150");
        Cards.InitResponse init = await f.Client.Cards.InitAsync(new Cards.InitRequest { OrderId = "IN-" + amount, Amount = amount, Description = "Pay-in", UserId = "payer", CardToken = token });
        await f.Client.Cards.DirectAsync(new Cards.DirectRequest { PaymentId = init.PaymentId });
    }
}
