using System;
using System.Linq;
using System.Threading.Tasks;
using FreedomPay.GatewayPayouts;
using FreedomPay.TestSupport;

namespace FreedomPay.Sandbox.Tests;

/// <summary>
/// The Gateway API's payouts in the sandbox: from the balance card payments fill, to a card number or a saved card's
/// token, made later, notified signed with the merchant's main key (no payout key), status by id and order id.
/// </summary>
public sealed class GatewayPayoutTests
{
    private const string GoodCard = "4405645000006150";

    [Fact]
    public async Task A_payout_to_a_card_number_leaves_the_balance_is_made_later_and_notified_signed_with_the_main_key()
    {
        await using var shop = await CallbackServer.StartAsync();
        await using var f = await SandboxFixture.StartAsync();
        await f.Client.GatewayPayments.PayAsync(new GatewayPayments.PayRequest
        {
            OrderId = "IN-1", Amount = 1000m, Description = "Pay-in", AutoClearing = true,
            CardPan = GoodCard, CardCvc = "123", CardMonth = "12", CardYear = "49", CardName = "TEST TESTOV",
        });
        GatewayPayoutsClient payouts = f.Client.GatewayPayouts;

        ToCardResponse payout = await payouts.ToCardAsync(new ToCardRequest
        {
            OrderId = "OUT-1", Amount = 300m, Description = "Winnings", PaymentTo = GoodCard, PostLink = new Uri(shop.BaseAddress, "shop/payout").ToString(),
        });
        StatusResponse before = await payouts.StatusAsync(new StatusRequest { PaymentId = payout.PaymentId, OrderId = "OUT-1" });
        f.Clock.Advance(TimeSpan.FromSeconds(1));
        await ResultNotifyTests.WaitUntil(() => f.Sandbox.ResultDeliveries.SingleOrDefault(d => d.PaymentId == payout.PaymentId)?.Delivered == true);
        StatusResponse after = await payouts.StatusAsync(new StatusRequest { PaymentId = payout.PaymentId, OrderId = "OUT-1" });
        BalanceResponse balance = await payouts.BalanceAsync(new BalanceRequest { Currency = "KZT" });

        Assert.Equal((ResultStatus.Ok, 700m, 300m), (payout.Status, payout.Balance, payout.PaymentAmount));
        Assert.Equal(("process", "success"), (before.PaymentStatus, after.PaymentStatus));
        Assert.Equal(700m, balance.Balance);
        var fields = shop.Received.Single();
        Assert.Equal(ReferenceSignature.Sign("payout", fields.Where(p => p.Key != "pg_sig"), f.Sandbox.Merchant.SecretKey), fields.Single(p => p.Key == "pg_sig").Value);
    }
}
