using System;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using FreedomPay.Payouts;
using FreedomPay.Sandbox;

namespace FreedomPay.Cli.Commands
{
    /// <summary>
    /// `freedompay demo --payout`: a saved card pays the amount in (filling the merchant's balance), 40 % of it is paid
    /// out to the same card with the payout key, the sandbox makes the payout and sends Payout notify to the stand-in
    /// shop, and payout status and the balance show the result.
    /// </summary>
    internal static class PayoutDemo
    {
        public static async Task<int> RunAsync(decimal amount, TextWriter output, CancellationToken cancellationToken)
        {
            await using DemoRun run = await DemoRun.StartAsync("payout", output, cancellationToken).ConfigureAwait(false);
            FreedomPaySandbox sandbox = run.Sandbox;
            FreedomPayClient client = run.Client;
            string stamp = DateTime.UtcNow.ToString("HHmmss", CultureInfo.InvariantCulture);

            string? token = await SavedCardDemo.SaveCardAsync(run, cancellationToken).ConfigureAwait(false);
            if (token is null)
            {
                run.Say("Demo stopped: the save-card page refused the test card; nothing was paid in or out.");
                return ExitCodes.Failure;
            }

            Cards.InitResponse payIn = await client.Cards.InitAsync(new Cards.InitRequest
            {
                OrderId = "in-" + stamp, Amount = amount, Description = "FreedomPay.Generated payout demo: pay-in", UserId = "demo-buyer", CardToken = token,
            }, cancellationToken).ConfigureAwait(false);
            await client.Cards.DirectAsync(new Cards.DirectRequest { PaymentId = payIn.PaymentId }, cancellationToken).ConfigureAwait(false);
            run.Step("pay-in", $"payment {payIn.PaymentId}: {DemoBuyer.Money(amount)} KZT charged to the saved card");
            decimal before = (await client.Payouts.BalanceAsync(new BalanceRequest(), cancellationToken).ConfigureAwait(false)).Balance;
            run.Step("balance", $"{DemoBuyer.Money(before)} KZT (signed with the payout key)");

            decimal sent = Math.Round(amount * 0.4m, 2);
            ToSavedCardResponse payout = await client.Payouts.ToSavedCardAsync(new ToSavedCardRequest
            {
                OrderId = "out-" + stamp, Amount = sent, Description = "FreedomPay.Generated payout demo", OrderTimeLimit = DateTime.UtcNow.AddHours(6).AddDays(1),
                UserId = "demo-buyer", CardTokenTo = token, PostLink = sandbox.Shop.NotifyUrl.AbsoluteUri,
            }, cancellationToken).ConfigureAwait(false);
            run.Step("reg2reg", $"pg_status=ok  payout {payout.PaymentId}  {DemoBuyer.Money(sent)} KZT to {payout.CardHash}, accepted; made later");

            ResultDelivery? delivery = await DemoBuyer.WaitForDeliveryAsync(sandbox, payout.PaymentId, cancellationToken).ConfigureAwait(false);
            run.Step("notify", delivery is null
                ? "no Payout notify was answered within 10 s"
                : $"Payout notify posted to {delivery.Url.AbsolutePath} (pg_status={delivery.Fields.FirstOrDefault(f => f.Key == "pg_status").Value}, pg_balance={delivery.Fields.FirstOrDefault(f => f.Key == "pg_balance").Value}); the shop answered {DemoBuyer.Answer(delivery)}");
            StatusResponse status = await client.Payouts.StatusAsync(new StatusRequest { PaymentId = payout.PaymentId }, cancellationToken).ConfigureAwait(false);
            run.Step("status", $"pg_transaction_status={status.Raw.Root.GetString("pg_transaction_status")}");
            decimal after = (await client.Payouts.BalanceAsync(new BalanceRequest(), cancellationToken).ConfigureAwait(false)).Balance;
            run.Step("balance", $"{DemoBuyer.Money(after)} KZT");

            bool ok = delivery is not null && status.TransactionStatus == PayoutStatus.Ok && after == before - sent;
            run.Say(ok
                ? $"Demo finished: {DemoBuyer.Money(amount)} KZT paid in, {DemoBuyer.Money(sent)} KZT paid out to the saved card and notified, balance {DemoBuyer.Money(after)} KZT, in {run.Steps} steps, {run.ElapsedMilliseconds} ms."
                : $"Demo finished: payout {payout.PaymentId} is {status.Raw.Root.GetString("pg_transaction_status")}, balance {DemoBuyer.Money(after)} KZT, not as expected.");
            return ok ? ExitCodes.Success : ExitCodes.Failure;
        }
    }
}
