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

    /// <summary>A paid card payment of the amount: what fills the balance payouts are paid from.</summary>
    private static async Task PayInAsync(SandboxFixture f, decimal amount)
    {
        string token = await SavedCardTests.SaveAsync(f, "payer", "4405645000006150");
        Cards.InitResponse init = await f.Client.Cards.InitAsync(new Cards.InitRequest { OrderId = "IN-" + amount, Amount = amount, Description = "Pay-in", UserId = "payer", CardToken = token });
        await f.Client.Cards.DirectAsync(new Cards.DirectRequest { PaymentId = init.PaymentId });
    }
}
