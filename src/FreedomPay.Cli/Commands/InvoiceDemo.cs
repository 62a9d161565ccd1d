using System;
using System.IO;
using System.Net;
using System.Net.Http;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using FreedomPay.Invoice;

namespace FreedomPay.Cli.Commands
{
    /// <summary>
    /// `freedompay demo --invoice`: the newer JSON protocol. Init (a JSON body signed with a detached HS512 JWS, which
    /// the sandbox verifies with its own JOSE implementation) returns a QR code; the demo plays the buyer, who scans
    /// it and pays on the page it leads to; Status and Info show the invoice paid.
    /// </summary>
    internal static class InvoiceDemo
    {
        public static async Task<int> RunAsync(decimal amount, TextWriter output, CancellationToken cancellationToken)
        {
            await using DemoRun run = await DemoRun.StartAsync("invoice, JSON + JWS", output, cancellationToken).ConfigureAwait(false);
            InvoiceClient invoices = run.Client.Invoice;

            InitResponse init = await invoices.InitAsync(new InitRequest
            {
                OrderId = "demo-" + DateTime.UtcNow.ToString("HHmmss", System.Globalization.CultureInfo.InvariantCulture),
                Amount = amount,
                Description = "FreedomPay.Generated invoice demo",
                InvoiceMethod = InvoiceMethod.Qr,
            }, cancellationToken).ConfigureAwait(false);
            string id = init.InvoiceId ?? throw new InvalidOperationException("Init returned no invoice_id.");
            var page = new Uri(Encoding.UTF8.GetString(Convert.FromBase64String(init.InvoiceMethods?.Qr ?? string.Empty)));
            run.Step("init", $"status=ok  invoice {id}  {DemoBuyer.Money(amount)} KZT  invoice_status={init.InvoiceStatus?.ToString().ToLowerInvariant()}  (JSON body, X-JWS-Signature HS512 verified by the sandbox)");
            run.Step("qr", $"the QR code leads to {page.AbsolutePath}");

            using (HttpResponseMessage paid = await run.Browser.PostAsync(new Uri(page, page.AbsolutePath + "/pay"), new FormUrlEncodedContent(Array.Empty<System.Collections.Generic.KeyValuePair<string, string>>()), cancellationToken).ConfigureAwait(false))
            {
                if (paid.StatusCode != HttpStatusCode.Redirect)
                {
                    run.Say($"Demo stopped: the invoice page answered HTTP {(int)paid.StatusCode}; invoice {id} was not paid.");
                    return ExitCodes.Failure;
                }
            }

            run.Step("buyer", "scans the code and pays on the page");
            StatusResponse status = await invoices.StatusAsync(new StatusRequest { InvoiceId = id }, cancellationToken).ConfigureAwait(false);
            run.Step("status", $"invoice_status={status.InvoiceStatus?.ToString().ToLowerInvariant()}  dt {status.Dt:yyyy-MM-dd'T'HH:mm:sszzz}");
            InfoResponse info = await invoices.InfoAsync(new InfoRequest { InvoiceId = id }, cancellationToken).ConfigureAwait(false);
            run.Step("info", $"order {info.OrderId}  {DemoBuyer.Money(info.Amount ?? 0m)} {info.Currency}  \"{info.Description}\"");

            bool ok = status.InvoiceStatus == InvoiceStatus.Ok;
            run.Say(ok
                ? $"Demo finished: invoice {id} created and paid by its QR code ({DemoBuyer.Money(amount)} KZT), in {run.Steps} steps, every request signed with a detached JWS, {run.ElapsedMilliseconds} ms."
                : $"Demo finished: invoice {id} is {status.InvoiceStatus}, not paid.");
            return ok ? ExitCodes.Success : ExitCodes.Failure;
        }
    }
}
