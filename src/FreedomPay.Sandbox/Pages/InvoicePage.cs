using FreedomPay.Sandbox.Gateway;
using FreedomPay.Sandbox.Payments;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using static FreedomPay.Sandbox.Pages.Html;

namespace FreedomPay.Sandbox.Pages
{
    /// <summary>
    /// Where an invoice's QR code leads (<c>/pay/invoice/{key}</c>): the amount and what it is for, and one button that
    /// pays it, as the buyer's banking app would after the scan. Russian, the gateway's default.
    /// </summary>
    internal static class InvoicePage
    {
        public static void Map(WebApplication app, SandboxGateway gateway, PaymentBook book)
        {
            app.MapGet("/pay/invoice/{key}", (string key) => Show(book, key));
            app.MapPost("/pay/invoice/{key}/pay", (string key) =>
            {
                gateway.PayInvoiceOnPage(key); // a second press finds it paid and shows that
                return Results.Redirect("/pay/invoice/" + key);
            });
        }

        private static IResult Show(PaymentBook book, string key)
        {
            PageTexts t = PageTexts.Russian;
            (string Id, string Description, string Amount, InvoiceState State)? invoice;
            lock (book.Gate)
            {
                invoice = book.FindInvoiceByPage(key) is { } found ? (found.Id, found.Description, t.Money(found.Amount, found.Currency), found.State) : null;
            }

            if (invoice is not { } i)
            {
                return Respond(HostedPageView.NotFound(t), StatusCodes.Status404NotFound);
            }

            if (i.State != InvoiceState.Process)
            {
                string title = i.State == InvoiceState.Ok ? t.InvoicePaidTitle : t.InvoiceClosedTitle;
                return Respond(Document(t.Language, title, $"""
                    {HostedPageView.Banner(t)}
                    <div class="card">
                    <h1{(i.State == InvoiceState.Ok ? " class=\"ok\"" : string.Empty)}>{E(title)}</h1>
                    <p>{E(i.Description)}</p>
                    <p class="amount">{E(i.Amount)}</p>
                    </div>
                    """));
            }

            return Respond(Document(t.Language, t.InvoiceTitle, $"""
                {HostedPageView.Banner(t)}
                <div class="card">
                <h1>{E(t.InvoiceTitle)}</h1>
                <p>{E(i.Description)}</p>
                <p class="amount">{E(i.Amount)}</p>
                <p>{E(t.InvoiceText)}</p>
                <form id="invoice-form" method="post" action="/pay/invoice/{E(key)}/pay">
                <button type="submit">{E(t.PayInvoice)}</button>
                </form>
                </div>
                """));
        }
    }
}
