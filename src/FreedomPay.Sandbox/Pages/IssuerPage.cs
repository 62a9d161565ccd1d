using System;
using System.Collections.Generic;
using System.Globalization;
using System.Threading.Tasks;
using FreedomPay.Sandbox.Gateway;
using FreedomPay.Sandbox.Payments;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using static FreedomPay.Sandbox.Pages.Html;

namespace FreedomPay.Sandbox.Pages
{
    /// <summary>
    /// The emulated issuer's 3-D Secure page (the ACS) of the Gateway API's card payments: the buyer's browser posts
    /// the merchant's form here (PaReq, MD, TermUrl), the buyer types the code (the sandbox's is 111111), and the
    /// page posts MD and PaRes back to the merchant's TermUrl. A wrong code is posted back too, as a failing PaRes:
    /// the completion then fails the payment, as a real issuer's would.
    /// </summary>
    internal static class IssuerPage
    {
        /// <summary>Where replies send the browser (<c>pg_3d_acsurl</c>).</summary>
        public const string Path = "/_sandbox/issuer";

        /// <summary>A transfer's 3-D Secure page (a GET address, as the transfer replies give one): <c>/{key}</c> follows.</summary>
        public const string TransferPath = "/_sandbox/issuer/transfer";

        /// <summary>The MD of a session: whose payment it is and its unguessable key.</summary>
        public static string Md(string merchantId, long paymentId, string key) =>
            merchantId + "." + paymentId.ToString(CultureInfo.InvariantCulture) + "." + key;

        /// <summary>The parts of an MD this sandbox wrote; null for anything else.</summary>
        public static (string MerchantId, long PaymentId, string Key)? ParseMd(string? md)
        {
            string[] parts = (md ?? string.Empty).Split('.');
            return parts.Length == 3 && parts[0].Length is > 0 and <= 64 && long.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out long id) && parts[2].Length is > 0 and <= 64
                ? (parts[0], id, parts[2])
                : null;
        }

        public static void Map(WebApplication app, SandboxGateway gateway, PaymentBook book)
        {
            app.MapPost(Path, (HttpRequest request) => ShowAsync(request, book));
            app.MapPost(Path + "/code", (HttpRequest request) => CodeAsync(request, gateway, book));
            app.MapGet(TransferPath + "/{key}", (string key) => gateway.TransferAwaitingCode(key) is { } t
                ? Respond(IssuerView.TransferCodeForm(key, t.Amount, t.Currency, t.Mask, error: null))
                : Respond(IssuerView.Refused(), StatusCodes.Status404NotFound));
            app.MapPost(TransferPath + "/{key}", (string key, HttpRequest request) => TransferCodeAsync(key, request, gateway));
        }

        /// <summary>The sender's code on a transfer's page: recorded for the merchant's completion (g2g/p2p/transfer_acs).</summary>
        private static async Task<IResult> TransferCodeAsync(string key, HttpRequest request, SandboxGateway gateway)
        {
            GatewayRequest? form = await PageForm.ReadAsync(request).ConfigureAwait(false);
            string code = form?.Optional("code")?.Trim() ?? string.Empty;
            if (gateway.TransferAwaitingCode(key) is not { } t)
            {
                return Respond(IssuerView.Refused(), StatusCodes.Status404NotFound);
            }

            if (code.Length == 0)
            {
                return Respond(IssuerView.TransferCodeForm(key, t.Amount, t.Currency, t.Mask, IssuerView.CodeMissing), StatusCodes.Status422UnprocessableEntity);
            }

            return gateway.TypeTransferCode(key, code)
                ? Respond(IssuerView.TransferDone())
                : Respond(IssuerView.Refused(), StatusCodes.Status404NotFound);
        }

        /// <summary>The merchant's form arrives: the page asks for the code.</summary>
        private static async Task<IResult> ShowAsync(HttpRequest request, PaymentBook book)
        {
            GatewayRequest? form = await PageForm.ReadAsync(request).ConfigureAwait(false);
            return Session(form, book) is { } session
                ? Respond(IssuerView.CodeForm(session, error: null))
                : Respond(IssuerView.Refused(), StatusCodes.Status400BadRequest);
        }

        /// <summary>The code arrives: the result goes back to the merchant's TermUrl, passed or not.</summary>
        private static async Task<IResult> CodeAsync(HttpRequest request, SandboxGateway gateway, PaymentBook book)
        {
            GatewayRequest? form = await PageForm.ReadAsync(request).ConfigureAwait(false);
            if (Session(form, book) is not { } session)
            {
                return Respond(IssuerView.Refused(), StatusCodes.Status400BadRequest);
            }

            string code = form!.Optional("code")?.Trim() ?? string.Empty;
            if (code.Length == 0)
            {
                return Respond(IssuerView.CodeForm(session, IssuerView.CodeMissing), StatusCodes.Status422UnprocessableEntity);
            }

            bool passed = string.Equals(code, TestCard.ChallengeCode, StringComparison.Ordinal);
            return Respond(HostedPageView.PostBack(PageTexts.English, session.TermUrl, new[]
            {
                new KeyValuePair<string, string>("MD", session.Md),
                new KeyValuePair<string, string>("PaRes", gateway.Issuer.Seal(session.Md, passed)),
            }));
        }

        /// <summary>
        /// The session a form names: an MD this sandbox wrote for a payment that waits for its code, and a web
        /// TermUrl to post back to (a javascript: or data: address would run in the sandbox's origin).
        /// </summary>
        private static IssuerSession? Session(GatewayRequest? form, PaymentBook book)
        {
            string? md = form?.OptionalText("MD", 256);
            string? termUrl = form?.OptionalText("TermUrl", 2048);
            if (ParseMd(md) is not { } parts || !Uri.TryCreate(termUrl, UriKind.Absolute, out Uri? back) || (back.Scheme != Uri.UriSchemeHttps && back.Scheme != Uri.UriSchemeHttp))
            {
                return null;
            }

            lock (book.Gate)
            {
                Payment? payment = book.TryFind(parts.MerchantId, parts.PaymentId);
                return payment?.IssuerKey is { } key && string.Equals(key, parts.Key, StringComparison.Ordinal)
                    ? new IssuerSession(md!, back.AbsoluteUri, payment.Card?.MaskedPan ?? string.Empty, payment.Terms.Amount, payment.Terms.Currency)
                    : null;
            }
        }
    }

    /// <summary>What the issuer page shows of a session: a copy taken under the book's lock.</summary>
    internal sealed record IssuerSession(string Md, string TermUrl, string MaskedPan, decimal Amount, string Currency);

    /// <summary>The issuer page's HTML: one labelled field, its error tied to it, a visible focus, nothing but the keyboard needed.</summary>
    internal static class IssuerView
    {
        public const string CodeMissing = "Type the code from the SMS.";

        public static string CodeForm(IssuerSession session, string? error) => Page(
            "payment",
            $"Confirm the payment of {PageTexts.English.Money(session.Amount, session.Currency)} with card {session.MaskedPan}: type the code your bank sent.",
            IssuerPage.Path + "/code",
            $"""<input type="hidden" name="MD" value="{E(session.Md)}"><input type="hidden" name="TermUrl" value="{E(session.TermUrl)}">""",
            error);

        public static string TransferCodeForm(string key, decimal amount, string currency, string mask, string? error) => Page(
            "transfer",
            $"Confirm the transfer of {PageTexts.English.Money(amount, currency)} from card {mask}: type the code your bank sent.",
            IssuerPage.TransferPath + "/" + key,
            string.Empty,
            error);

        /// <summary>One labelled code field, its error tied to it (aria-describedby, aria-invalid), the form's hidden fields.</summary>
        private static string Page(string what, string status, string action, string hidden, string? error) => Document("en", "Card verification (3-D Secure)", $"""
            <p class="banner">Sandbox issuer: the test code is {E(TestCard.ChallengeCode)}. A wrong code fails the {what}.</p>
            <div class="card">
            <h1>Card verification</h1>
            <p id="issuer-status" role="status">{E(status)}</p>
            <form id="issuer-form" method="post" action="{E(action)}" novalidate>
            {hidden}
            <label for="code">Code from the SMS</label>
            <input id="code" name="code" type="text" inputmode="numeric" autocomplete="one-time-code" maxlength="6" required aria-describedby="{(error is null ? "issuer-status" : "code-error")}"{(error is null ? string.Empty : " aria-invalid=\"true\"")} autofocus>
            {(error is null ? string.Empty : $"""<p id="code-error" class="error" role="alert">{E(error)}</p>""")}
            <button type="submit">Confirm</button>
            </form>
            </div>
            """);

        public static string TransferDone() => Document("en", "Card verification", """
            <div class="card">
            <h1>Code received</h1>
            <p role="status">The bank has your answer. Return to the shop: it finishes the transfer.</p>
            </div>
            """);

        public static string Refused() => Document("en", "Card verification", """
            <div class="card">
            <h1>Card verification</h1>
            <p>This page takes the form a shop posts for a payment that waits for its 3-D Secure code (PaReq, MD, TermUrl). This one is not such a form, or its payment no longer waits.</p>
            </div>
            """);
    }
}
