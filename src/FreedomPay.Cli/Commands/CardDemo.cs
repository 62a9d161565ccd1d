using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using System.Net;
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
        /// <summary>The sandbox's approving test card (the card the FreedomPay docs use in their examples).</summary>
        private const string TestCardNumber = "4405645000006150";

        public static async Task<int> RunAsync(decimal amount, TextWriter output, CancellationToken cancellationToken)
        {
            var clock = Stopwatch.StartNew();
            await using FreedomPaySandbox sandbox = await FreedomPaySandbox.StartAsync(cancellationToken: cancellationToken).ConfigureAwait(false);
            using FreedomPayClient client = DemoCommand.ClientFor(sandbox);
            using var browser = new HttpClient(new SocketsHttpHandler { AllowAutoRedirect = false }) { Timeout = TimeSpan.FromSeconds(30) };
            PurchaseClient purchase = client.Purchase;
            output.WriteLine($"FreedomPay demo (card, two-step): against the embedded sandbox at {sandbox.BaseAddress} (merchant {sandbox.Merchant.MerchantId}, secret key {Redaction.Hidden})");
            int steps = 0;
            void Step(string who, string what) => output.WriteLine($"  {++steps}. {who,-8} {what}");
            string Money(decimal value) => value.ToString("0.00", CultureInfo.InvariantCulture);

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
            Step("init", $"pg_status=ok  payment {id}  {Money(amount)} KZT, two-step  card page {page.AbsolutePath}");

            var card = new FormUrlEncodedContent(new[]
            {
                new KeyValuePair<string, string>("pan", TestCardNumber),
                new KeyValuePair<string, string>("expiry", "12/" + ((DateTime.UtcNow.Year + 2) % 100).ToString("00", CultureInfo.InvariantCulture)),
                new KeyValuePair<string, string>("cvc", "123"),
            });
            using (HttpResponseMessage paid = await browser.PostAsync(new Uri(page, page.AbsolutePath + "/card"), card, cancellationToken).ConfigureAwait(false))
            {
                if (paid.StatusCode != HttpStatusCode.Redirect)
                {
                    output.WriteLine($"Demo stopped: the card page answered HTTP {(int)paid.StatusCode}; payment {id} was not paid.");
                    return ExitCodes.Failure;
                }
            }

            Step("buyer", $"POST card {Redaction.Apply(Runtime.FieldSensitivity.Partial, TestCardNumber)} on the page: the amount is held on the card");

            decimal clearing = Math.Round(amount * 0.8m, 2);
            ClearingResponse cleared = await purchase.ClearingAsync(new ClearingRequest { PaymentId = id, ClearingAmount = clearing }, cancellationToken).ConfigureAwait(false);
            Step("clearing", $"pg_status=ok  cleared {Money(cleared.ClearingAmount ?? 0m)} of {Money(cleared.Amount ?? 0m)} KZT; the rest released");

            decimal refund = Math.Round(clearing / 2, 2);
            RefundResponse refunded = await purchase.RefundAsync(new RefundRequest { PaymentId = id, RefundAmount = refund }, cancellationToken).ConfigureAwait(false);
            Step("refund", $"pg_status={refunded.Raw.Root.GetString("pg_status")}  refunded {Money(refund)} KZT");

            StatusResponse status = await purchase.StatusAsync(new StatusRequest { PaymentId = id }, cancellationToken).ConfigureAwait(false);
            Step("status", $"pg_payment_status={status.Raw.Root.GetString("pg_payment_status")}  captured {Money(status.ClearingAmount ?? 0m)}  refunded {Money(-(status.RefundAmount ?? 0m))}  refunds {status.RefundPayments.Count}  card {status.CardPan}");

            bool ok = status.PaymentStatus == PaymentStatus.Success && status.ClearingAmount == clearing && status.RefundAmount == -refund;
            output.WriteLine(ok
                ? $"Demo finished: payment {id} held, {Money(clearing)} KZT cleared, {Money(refund)} KZT refunded, in {steps} steps, every reply signature verified, {clock.ElapsedMilliseconds} ms."
                : $"Demo finished: payment {id} is {status.Raw.Root.GetString("pg_payment_status")}, not as expected.");
            return ok ? ExitCodes.Success : ExitCodes.Failure;
        }
    }
}
