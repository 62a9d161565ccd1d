using System;
using System.Globalization;
using System.IO;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using FreedomPay.Cli.Output;
using FreedomPay.Purchase;
using FreedomPay.Sandbox;

namespace FreedomPay.Cli.Commands
{
    /// <summary>
    /// `freedompay demo --card`: a two-step card payment. init (with a receipt line) hands back the hosted card page;
    /// the demo plays the buyer's browser there with the sandbox's test card; the held amount is then cleared in part,
    /// part of it refunded, and status shows where the payment stands.
    /// </summary>
    internal static class CardDemo
    {
        public static async Task<int> RunAsync(decimal amount, TextWriter output, CancellationToken cancellationToken)
        {
            await using DemoRun run = await DemoRun.StartAsync("card, two-step", output, cancellationToken).ConfigureAwait(false);
            FreedomPaySandbox sandbox = run.Sandbox;
            PurchaseClient purchase = run.Client.Purchase;
            HttpClient browser = run.Browser;
            static string Money(decimal value) => DemoBuyer.Money(value);

            InitResponse init = await purchase.InitAsync(new InitRequest
            {
                OrderId = "demo-" + DateTime.UtcNow.ToString("HHmmss", CultureInfo.InvariantCulture),
                Amount = amount,
                Currency = "KZT",
                Description = "FreedomPay.Generated card demo",
                AutoClearing = false,
                Language = PageLanguage.English,
                ReceiptPositions = new[] { new ReceiptPosition { Count = 1, Name = "Demo order", Price = amount } },
            }, cancellationToken).ConfigureAwait(false);
            long id = init.PaymentId;
            var page = new Uri(init.RedirectUrl ?? throw new InvalidOperationException("init returned no pg_redirect_url."));
            run.Step("init", $"pg_status=ok  payment {id}  {Money(amount)} KZT, two-step  card page {page.AbsolutePath}");

            if (!await DemoBuyer.EnterCardAsync(browser, page, cancellationToken).ConfigureAwait(false))
            {
                run.Say($"Demo stopped: the card page refused the test card; payment {id} was not paid.");
                return ExitCodes.Failure;
            }

            run.Step("buyer", $"POST card {Redaction.Apply(Runtime.FieldSensitivity.Partial, DemoBuyer.TestCardNumber)} on the page: the amount is held on the card");

            decimal clearing = Math.Round(amount * 0.8m, 2);
            ClearingResponse cleared = await purchase.ClearingAsync(new ClearingRequest { PaymentId = id, ClearingAmount = clearing }, cancellationToken).ConfigureAwait(false);
            run.Step("clearing", $"pg_status=ok  cleared {Money(cleared.ClearingAmount ?? 0m)} of {Money(cleared.Amount ?? 0m)} KZT; the rest released");

            decimal refund = Math.Round(clearing / 2, 2);
            RefundResponse refunded = await purchase.RefundAsync(new RefundRequest { PaymentId = id, RefundAmount = refund }, cancellationToken).ConfigureAwait(false);
            run.Step("refund", $"pg_status={refunded.Raw.Root.GetString("pg_status")}  refunded {Money(refund)} KZT");

            StatusResponse status = await purchase.StatusAsync(new StatusRequest { PaymentId = id }, cancellationToken).ConfigureAwait(false);
            run.Step("status", $"pg_payment_status={status.Raw.Root.GetString("pg_payment_status")}  captured {Money(status.ClearingAmount ?? 0m)}  refunded {Money(-(status.RefundAmount ?? 0m))}  refunds {status.RefundPayments.Count}  card {status.CardPan}");

            bool ok = status.PaymentStatus == PaymentStatus.Success && status.ClearingAmount == clearing && status.RefundAmount == -refund;
            run.Say(ok
                ? $"Demo finished: payment {id} held, {Money(clearing)} KZT cleared, {Money(refund)} KZT refunded, in {run.Steps} steps, every reply signature verified, {run.ElapsedMilliseconds} ms."
                : $"Demo finished: payment {id} is {status.Raw.Root.GetString("pg_payment_status")}, not as expected.");
            return ok ? ExitCodes.Success : ExitCodes.Failure;
        }
    }
}
