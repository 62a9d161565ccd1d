using System;
using System.Globalization;
using System.IO;
using System.Threading;
using System.Threading.Tasks;
using FreedomPay.Cli.Output;
using FreedomPay.GatewayPayments;

namespace FreedomPay.Cli.Commands
{
    /// <summary>
    /// `freedompay demo --gateway`: the Gateway API, card data sent from the shop's server. A two-step card payment
    /// whose card asks for 3-D Secure (the demo plays the buyer's browser on the sandbox's issuer page), its
    /// completion, clearing in part, a partial refund; the card saved and paid again by its token; a transfer from
    /// the saved card to a card number; status of both.
    /// </summary>
    internal static class GatewayDemo
    {
        /// <summary>The sandbox's test card that asks for 3-D Secure.</summary>
        private const string ChallengeCard = "4000000000003220";

        private static readonly Uri ReturnUrl = new Uri("https://shop.example/3ds/return");

        public static async Task<int> RunAsync(decimal amount, TextWriter output, CancellationToken cancellationToken)
        {
            await using DemoRun run = await DemoRun.StartAsync("Gateway API: card data from the shop's server", output, cancellationToken).ConfigureAwait(false);
            GatewayPaymentsClient payments = run.Client.GatewayPayments;
            static string Money(decimal value) => DemoBuyer.Money(value);
            static string Masked(string pan) => Redaction.Apply(Runtime.FieldSensitivity.Partial, pan);
            string order = "gw-" + DateTime.UtcNow.ToString("HHmmss", CultureInfo.InvariantCulture);
            string year = ((DateTime.UtcNow.Year + 2) % 100).ToString("00", CultureInfo.InvariantCulture);

            PayResponse payment = await payments.PayAsync(new PayRequest
            {
                OrderId = order, Amount = amount, Currency = "KZT", Description = "FreedomPay.Generated Gateway demo", AutoClearing = false,
                CardPan = ChallengeCard, CardCvc = "123", CardMonth = "12", CardYear = year, CardName = "DEMO BUYER",
            }, cancellationToken).ConfigureAwait(false);
            long id = payment.PaymentId;
            run.Step("pay", $"pg_status={payment.Raw.Root.GetString("pg_status")}  payment {id}  {Money(amount)} KZT, two-step  card {Masked(ChallengeCard)}  pg_3ds={(payment.ThreeDs == true ? 1 : 0)}");

            FreedomPayRedirect? page = payment.IssuerPage(ReturnUrl);
            if (page is null)
            {
                run.Say($"Demo stopped: payment {id} did not ask for 3-D Secure.");
                return ExitCodes.Failure;
            }

            var posted = await DemoBuyer.PassIssuerPageAsync(run.Browser, page, cancellationToken).ConfigureAwait(false);
            run.Step("buyer", $"POST the form to the issuer page {page.Url.AbsolutePath}, code *** typed; the page posted MD and PaRes back to {ReturnUrl.AbsolutePath}");

            CompleteThreeDsResponse completed = await payments.CompleteThreeDsAsync(CompleteThreeDsRequest.FromPostedForm(posted, id), cancellationToken).ConfigureAwait(false);
            run.Step("3ds", $"pg_status={completed.Raw.Root.GetString("pg_status")}  authorization code {completed.AuthCode}: the amount is held on the card");

            decimal clearing = Math.Round(amount * 0.8m, 2);
            ClearingResponse cleared = await payments.ClearingAsync(new ClearingRequest { PaymentId = id, ClearingAmount = clearing }, cancellationToken).ConfigureAwait(false);
            run.Step("clearing", $"pg_status=ok  cleared {Money(cleared.ClearingAmount ?? 0m)} of {Money(cleared.Amount ?? 0m)} KZT; the rest released");

            decimal refund = Math.Round(clearing / 2, 2);
            RefundResponse refunded = await payments.RefundAsync(new RefundRequest { PaymentId = id, Amount = refund }, cancellationToken).ConfigureAwait(false);
            run.Step("refund", $"pg_refund_status={refunded.RefundStatus}  refunded {Money(refund)} KZT (refund {refunded.PaymentRefundId})");

            GatewayCards.AddResponse saved = await run.Client.GatewayCards.AddAsync(new GatewayCards.AddRequest
            {
                UserId = "demo-user", CardPan = DemoBuyer.TestCardNumber, CardCvc = "123", CardMonth = "12", CardYear = year, CardName = "DEMO BUYER",
            }, cancellationToken).ConfigureAwait(false);
            string token = saved.CardToken ?? throw new InvalidOperationException("cardstorage/add returned no token.");
            run.Step("save", $"pg_status=ok  card {saved.CardMask} saved for demo-user, token {Redaction.Hidden}");

            PayByTokenResponse byToken = await payments.PayByTokenAsync(new PayByTokenRequest
            {
                OrderId = order + "-t", Amount = refund, Description = "Paid again with the saved card", UserId = "demo-user", CardToken = token,
            }, cancellationToken).ConfigureAwait(false);
            run.Step("token", $"pg_status=ok  payment {byToken.PaymentId}  {Money(refund)} KZT by token, no card number sent");

            GatewayTransfers.TransferResponse transfer = await run.Client.GatewayTransfers.TransferAsync(new GatewayTransfers.TransferRequest
            {
                OrderId = order + "-p", Amount = refund, CurrencyFrom = "KZT", CurrencyTo = "KZT", Description = "A transfer from the saved card",
                UserId = "demo-user", CardToken = token, CardRecipient = DemoBuyer.TestCardNumber,
            }, cancellationToken).ConfigureAwait(false);
            run.Step("transfer", $"pg_payment_status={transfer.PaymentStatus}  {Money(transfer.PayoutAmount ?? 0m)} KZT from {transfer.CardMask} to {transfer.CardRecipientMask}");

            var statusRequest = new StatusRequest { PaymentId = id, OrderId = order };
            StatusResponse status = await payments.StatusAsync(statusRequest, cancellationToken).ConfigureAwait(false);
            StatusResponse tokenStatus = await payments.StatusAsync(new StatusRequest { PaymentId = byToken.PaymentId, OrderId = order + "-t" }, cancellationToken).ConfigureAwait(false);
            run.Step("status", $"pg_payment_status={status.PaymentStatus}  captured {Money(status.ClearingAmount ?? 0m)}  refunded {Money(-(status.RefundAmount ?? 0m))}  card {status.CardPan}; token payment {tokenStatus.PaymentStatus}");

            bool ok = status.PaymentStatus == "success" && status.ClearingAmount == clearing && status.RefundAmount == -refund
                && tokenStatus.PaymentStatus == "success" && transfer.PaymentStatus == "success";
            run.Say(ok
                ? $"Demo finished: payment {id} passed 3-D Secure, {Money(clearing)} KZT cleared, {Money(refund)} KZT refunded; the card saved, paid with and transferred from by token; {run.Steps} steps, every reply signature verified, {run.ElapsedMilliseconds} ms."
                : $"Demo finished: payment {id} is {status.PaymentStatus}, not as expected.");
            return ok ? ExitCodes.Success : ExitCodes.Failure;
        }
    }
}
