using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;
using FreedomPay.Sandbox.Payments;
using static FreedomPay.Sandbox.Pages.Html;

namespace FreedomPay.Sandbox.Pages
{
    /// <summary>What the hosted page shows about a payment: a copy taken under the payment book's lock.</summary>
    internal sealed record HostedPayment(
        string PageKey,
        long Id,
        string MerchantId,
        SandboxPaymentStatus Status,
        decimal Amount,
        string Currency,
        string Description,
        string? OrderId,
        string? Phone,
        string? UserPhone,
        int AttemptsLeft,
        int? FailureCode,
        BuyerReturn Return,
        PageTexts Texts,
        string? MaskedPan = null)
    {
        /// <summary>The merchant's own parameters from init, passed back with the buyer.</summary>
        public IReadOnlyList<KeyValuePair<string, string>> Extra { get; init; } = Array.Empty<KeyValuePair<string, string>>();

        public string? FailureDescription { get; init; }

        /// <summary>The merchant's secret, to sign the return (never rendered).</summary>
        public string Secret { get; init; } = string.Empty;

        /// <summary>A card payment (the card page), not mobile commerce (the phone page).</summary>
        public bool IsCard { get; init; }

        /// <summary>A payment with a saved card (card/init): its page asks only for the CVC.</summary>
        public bool IsSavedCard { get; init; }

        public bool IsFinished => Status is SandboxPaymentStatus.Success or SandboxPaymentStatus.Failed or SandboxPaymentStatus.Incomplete
            or SandboxPaymentStatus.Authorized or SandboxPaymentStatus.Revoked;

        /// <summary>Paid from the buyer's side: debited, or held by a two-step card payment.</summary>
        public bool IsPaid => Status is SandboxPaymentStatus.Success or SandboxPaymentStatus.Authorized;

        /// <summary>The page's own address: the phone page or the card page.</summary>
        public string Path => (IsCard ? "/pay/card/" : "/pay/") + PageKey;
    }

    /// <summary>The hosted page's screens: phone, code, result, and the POST hand-back to the shop.</summary>
    internal static class HostedPageView
    {
        public static string Render(HostedPayment payment, string? error = null, string? notice = null, string? phoneTyped = null) => payment.Status switch
        {
            SandboxPaymentStatus.New when payment.IsSavedCard => CvcStep(payment, error),
            SandboxPaymentStatus.New when payment.IsCard => CardStep(payment, error),
            SandboxPaymentStatus.Pending when payment.IsCard => ChallengeStep(payment, error),
            SandboxPaymentStatus.New => PhoneStep(payment, error, phoneTyped),
            SandboxPaymentStatus.Pending => CodeStep(payment, error, notice),
            _ => Result(payment),
        };

        /// <summary>The card form. The card number is never written back into the page, not even after a mistake.</summary>
        private static string CardStep(HostedPayment p, string? error) =>
            Frame(p, CardForm(p.Texts, p.Path + "/card", p.Texts.Pay, error), p.Texts.CardTitle);

        /// <summary>Number, expiry and CVC, as the payment page and the save-card page ask for them.</summary>
        public static string CardForm(PageTexts t, string action, string submit, string? error)
        {
            string described = error is null ? string.Empty : " card-error";
            return $"""
                <form id="card-form" method="post" action="{E(action)}" novalidate>
                <label for="pan">{E(t.CardNumberLabel)}</label>
                <input id="pan" name="pan" type="text" inputmode="numeric" autocomplete="cc-number" maxlength="23" required aria-describedby="pan-hint{described}"{Invalid(error)} autofocus>
                <p id="pan-hint" class="hint">{E(t.CardNumberHint)}</p>
                <label for="expiry">{E(t.ExpiryLabel)}</label>
                <input id="expiry" name="expiry" type="text" inputmode="numeric" autocomplete="cc-exp" maxlength="5" required placeholder="12/30"{Invalid(error)}>
                <label for="cvc">{E(t.CvcLabel)}</label>
                <input id="cvc" name="cvc" type="password" inputmode="numeric" autocomplete="cc-csc" maxlength="3" required{Invalid(error)}>
                {Error("card-error", error)}
                <button type="submit">{E(submit)}</button>
                </form>
                """;
        }

        /// <summary>A saved card's payment (card/init, then card/pay): only the CVC, to confirm it.</summary>
        private static string CvcStep(HostedPayment p, string? error)
        {
            PageTexts t = p.Texts;
            return Frame(p, $"""
                <p id="cvc-status">{E(PageTexts.Format(t.CvcText, p.MaskedPan ?? string.Empty))}</p>
                <form id="cvc-form" method="post" action="{E(p.Path)}/cvc" novalidate>
                <label for="cvc">{E(t.CvcLabel)}</label>
                <input id="cvc" name="cvc" type="password" inputmode="numeric" autocomplete="cc-csc" maxlength="3" required aria-describedby="{(error is null ? "cvc-status" : "cvc-status cvc-error")}"{Invalid(error)} autofocus>
                {Error("cvc-error", error)}
                <button type="submit">{E(t.Pay)}</button>
                </form>
                """, t.CardTitle);
        }

        private static string ChallengeStep(HostedPayment p, string? error)
        {
            PageTexts t = p.Texts;
            return Frame(p, $"""
                <p id="challenge-status" role="status">{E(PageTexts.Format(t.ChallengeText, p.MaskedPan ?? string.Empty))}</p>
                <form id="challenge-form" method="post" action="{E(p.Path)}/challenge" novalidate>
                <label for="code">{E(t.ChallengeLabel)}</label>
                <input id="code" name="code" type="text" inputmode="numeric" autocomplete="one-time-code" pattern="[0-9]*" maxlength="6" required aria-describedby="{(error is null ? "challenge-status" : "code-error")}"{Invalid(error)} autofocus>
                {Error("code-error", error)}
                <button type="submit">{E(t.Confirm)}</button>
                </form>
                """, t.CardTitle);
        }

        /// <summary>Test mode, and where the sandbox shows what a test needs: the SMS codes, or the card payments.</summary>
        public static string Banner(PageTexts t, bool card = true) =>
            $"""<p class="banner">{E(t.TestMode)} <a href="/_sandbox">{E(card ? t.PaymentsOnDashboard : t.SmsOnDashboard)}</a>.</p>""";

        public static string NotFound(PageTexts t) =>
            Document(t.Language, t.NotFoundTitle, $"""<div class="card"><h1>{E(t.NotFoundTitle)}</h1><p>{E(t.NotFoundText)}</p></div>""");

        /// <summary>A POST return: a form the browser submits at once (a button when scripts are off).</summary>
        public static string PostBack(PageTexts t, string url, IEnumerable<KeyValuePair<string, string>> fields)
        {
            return Document(t.Language, t.Redirecting, $"""
                <div class="card">
                <h1>{E(t.Redirecting)}</h1>
                {ReturnForm(t, url, fields, id: "return-form")}
                </div>
                <script>document.getElementById("return-form").submit();</script>
                """);
        }

        private static string PhoneStep(HostedPayment p, string? error, string? phoneTyped)
        {
            PageTexts t = p.Texts;
            string value = phoneTyped ?? p.UserPhone ?? string.Empty;
            return Frame(p, $"""
                <form id="phone-form" method="post" action="/pay/{E(p.PageKey)}/phone" novalidate>
                <label for="phone">{E(t.PhoneLabel)}</label>
                <input id="phone" name="phone" type="tel" inputmode="tel" autocomplete="tel" required value="{E(value)}" aria-describedby="phone-hint{(error is null ? string.Empty : " phone-error")}"{Invalid(error)} autofocus>
                <p id="phone-hint" class="hint">{E(t.PhoneHint)}</p>
                {Error("phone-error", error)}
                <button type="submit">{E(t.SendCode)}</button>
                </form>
                """);
        }

        private static string CodeStep(HostedPayment p, string? error, string? notice)
        {
            PageTexts t = p.Texts;
            string sent = PageTexts.Format(E(t.CodeSent), $"<strong>{E(MaskPhone(p.Phone))}</strong>");
            return Frame(p, $"""
                <p role="status">{sent}{(notice is null ? string.Empty : " " + E(notice))}</p>
                <form id="code-form" method="post" action="/pay/{E(p.PageKey)}/code" novalidate>
                <label for="code">{E(t.CodeLabel)}</label>
                <input id="code" name="code" type="text" inputmode="numeric" autocomplete="one-time-code" pattern="[0-9]*" maxlength="6" required aria-describedby="code-hint{(error is null ? string.Empty : " code-error")}"{Invalid(error)} autofocus>
                <p id="code-hint" class="hint">{E(t.CodeHint)}</p>
                {Error("code-error", error)}
                <button type="submit">{E(t.Pay)}</button>
                </form>
                <form id="resend-form" method="post" action="/pay/{E(p.PageKey)}/resend">
                <button type="submit" class="secondary">{E(t.Resend)}</button>
                </form>
                """);
        }

        private static string Result(HostedPayment p)
        {
            PageTexts t = p.Texts;
            bool paid = p.IsPaid;
            string title = paid ? t.PaidTitle : p.Status == SandboxPaymentStatus.Incomplete ? t.ExpiredTitle : t.FailedTitle;
            string id = p.Id.ToString(CultureInfo.InvariantCulture);
            string text = p.Status == SandboxPaymentStatus.Authorized ? PageTexts.Format(t.HeldText, id) : paid ? PageTexts.Format(t.PaidText, id) : Reason(p);
            var (url, method) = p.Return.For(paid);
            string back = url is null ? string.Empty : method == "POST"
                ? ReturnForm(t, url, ReturnFields(p, url, signQuery: false))
                : $"""<a class="button" href="{E(ReturnUrl(url, p))}">{E(t.ReturnToShop)}</a>""";
            return Document(t.Language, title, $"""
                {Banner(p)}
                <div class="card">
                <h1 class="{(paid ? "ok" : "error")}">{E(title)}</h1>
                <p>{E(text)}</p>
                <p class="muted">{E(p.Description)} · {E(t.Money(p.Amount, p.Currency))}</p>
                {back}
                </div>
                """);
        }

        /// <summary>
        /// What the shop gets back with the buyer, as the Redirect back docs list it: its order id, our payment id, on a
        /// failure the error, its own parameters, a salt and the signature, made with the last segment of the URL the
        /// buyer goes to. For a GET the URL's own query is signed too: the shop receives it with the rest.
        /// </summary>
        public static IReadOnlyList<KeyValuePair<string, string>> ReturnFields(HostedPayment p, string url, bool signQuery)
        {
            var fields = new List<KeyValuePair<string, string>>
            {
                new KeyValuePair<string, string>("pg_order_id", p.OrderId ?? p.Id.ToString(CultureInfo.InvariantCulture)),
                new KeyValuePair<string, string>("pg_payment_id", p.Id.ToString(CultureInfo.InvariantCulture)),
            };
            if (!p.IsPaid && p.FailureCode is { } code)
            {
                fields.Add(new KeyValuePair<string, string>("pg_error_code", code.ToString(CultureInfo.InvariantCulture)));
                fields.Add(new KeyValuePair<string, string>("pg_error_description", p.FailureDescription ?? string.Empty));
            }

            fields.AddRange(p.Extra);
            fields.Add(new KeyValuePair<string, string>(FreedomPay.PgSignature.SaltField, System.Security.Cryptography.RandomNumberGenerator.GetHexString(16, lowercase: true)));
            var uri = new Uri(url);
            List<KeyValuePair<string, string>> signed = signQuery ? QueryOf(uri) : new List<KeyValuePair<string, string>>();
            signed.AddRange(fields);
            fields.Add(new KeyValuePair<string, string>(FreedomPay.PgSignature.SignatureField, FreedomPay.PgSignature.Compute(FreedomPay.PgSignature.ScriptNameOf(uri), signed, p.Secret)));
            return fields;
        }

        public static string ReturnUrl(string url, HostedPayment p) =>
            url + (url.Contains('?') ? "&" : "?") + string.Join("&", ReturnFields(p, url, signQuery: true).Select(f => Uri.EscapeDataString(f.Key) + "=" + Uri.EscapeDataString(f.Value)));

        private static List<KeyValuePair<string, string>> QueryOf(Uri url) =>
            Microsoft.AspNetCore.WebUtilities.QueryHelpers.ParseQuery(url.Query)
                .SelectMany(pair => pair.Value.Select(value => new KeyValuePair<string, string>(pair.Key, value ?? string.Empty)))
                .ToList();

        /// <summary>A form that POSTs the return fields to the shop, as pg_*_url_method=POST asks.</summary>
        private static string ReturnForm(PageTexts t, string url, IEnumerable<KeyValuePair<string, string>> fields, string? id = null)
        {
            string inputs = string.Concat(fields.Select(f => $"""<input type="hidden" name="{E(f.Key)}" value="{E(f.Value)}">"""));
            string idAttribute = id is null ? string.Empty : $" id=\"{id}\"";
            return $"""<form{idAttribute} method="post" action="{E(url)}">{inputs}<button type="submit">{E(t.ReturnToShop)}</button></form>""";
        }

        private static string Frame(HostedPayment p, string step, string? title = null)
        {
            PageTexts t = p.Texts;
            title ??= t.Title;
            string order = p.OrderId is null ? string.Empty : $"""<p class="muted">{E(PageTexts.Format(t.Order, p.OrderId))}</p>""";
            return Document(t.Language, title, $"""
                {Banner(p)}
                <div class="card">
                <h1>{E(title)}</h1>
                <p>{E(p.Description)}</p>
                {order}
                <p class="muted">{E(t.AmountDue)}</p>
                <p class="amount">{E(t.Money(p.Amount, p.Currency))}</p>
                {step}
                </div>
                """);
        }

        private static string Banner(HostedPayment p) => Banner(p.Texts, p.IsCard);

        public static string Error(string id, string? error) =>
            error is null ? string.Empty : $"""<p id="{id}" class="error" role="alert">{E(error)}</p>""";

        private static string Invalid(string? error) => error is null ? string.Empty : " aria-invalid=\"true\"";

        private static string Reason(HostedPayment p) => p.FailureCode switch
        {
            SandboxErrorCodes.Declined when p.IsCard => p.Texts.CardDeclined,
            SandboxErrorCodes.Declined => p.Texts.Declined,
            SandboxErrorCodes.TooManyAttempts => p.Texts.TooManyAttempts,
            SandboxErrorCodes.RefusedByMerchant => p.Texts.RefusedByMerchant,
            SandboxErrorCodes.PaymentExpired => p.Texts.Expired,
            { } code => PageTexts.Format(p.Texts.Failed, code),
            null => p.Texts.FailedTitle,
        };

        /// <summary>77017777777 -> "+7 701 ••• •• 77": enough for the buyer to recognise, not to copy.</summary>
        private static string MaskPhone(string? phone)
        {
            if (phone is null || phone.Length < 6)
            {
                return phone ?? string.Empty;
            }

            var masked = new StringBuilder("+").Append(phone[0]).Append('\u00A0').Append(phone, 1, 3).Append("\u00A0•••\u00A0••\u00A0").Append(phone, phone.Length - 2, 2);
            return masked.ToString();
        }
    }
}
