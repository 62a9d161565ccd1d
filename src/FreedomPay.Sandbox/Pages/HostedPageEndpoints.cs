using System.Collections.Generic;
using System.Linq;
using System.Threading.Tasks;
using FreedomPay.Sandbox.Gateway;
using FreedomPay.Sandbox.Payments;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace FreedomPay.Sandbox.Pages
{
    /// <summary>
    /// The hosted payment page behind init's <c>pg_redirect_url</c>: the buyer types the phone, gets the SMS code,
    /// types it, and is sent back to the shop. Every step goes through the same <see cref="SandboxGateway"/>
    /// methods as the API (Check URL, state machine, Result notify), so the two paths cannot drift apart.
    /// </summary>
    internal sealed class HostedPageEndpoints
    {
        private readonly SandboxGateway _gateway;
        private readonly PaymentBook _book;
        private readonly IReadOnlyList<SandboxMerchant> _merchants;
        private readonly FreedomPaySandboxOptions _options;

        private HostedPageEndpoints(SandboxGateway gateway, PaymentBook book, IReadOnlyList<SandboxMerchant> merchants, FreedomPaySandboxOptions options)
        {
            _gateway = gateway;
            _book = book;
            _merchants = merchants;
            _options = options;
        }

        public static void Map(WebApplication app, SandboxGateway gateway, PaymentBook book, IReadOnlyList<SandboxMerchant> merchants, FreedomPaySandboxOptions options)
        {
            var pages = new HostedPageEndpoints(gateway, book, merchants, options);
            app.MapGet("/pay/{key}", (string key) => pages.Show(key));
            app.MapPost("/pay/{key}/phone", (string key, HttpRequest request) => pages.PhoneAsync(key, request));
            app.MapPost("/pay/{key}/code", (string key, HttpRequest request) => pages.CodeAsync(key, request));
            app.MapPost("/pay/{key}/resend", (string key) => pages.Resend(key));
            app.MapGet("/pay/card/{key}", (string key) => pages.Show(key));
            app.MapPost("/pay/card/{key}/card", (string key, HttpRequest request) => pages.CardAsync(key, request));
            app.MapPost("/pay/card/{key}/challenge", (string key, HttpRequest request) => pages.ChallengeAsync(key, request));
            app.MapPost("/pay/card/{key}/cvc", (string key, HttpRequest request) => pages.CvcAsync(key, request));
        }

        /// <summary>The card form: number, expiry and CVC checked for form here, the number against the test cards by the gateway.</summary>
        private async Task<IResult> CardAsync(string key, HttpRequest request)
        {
            if (Find(key) is not { IsCard: true } payment)
            {
                return NotFound();
            }

            CardFormInput? card = await CardFormInput.ReadAsync(request, _gateway.Now).ConfigureAwait(false);
            if (card is null)
            {
                return Html.Respond(HostedPageView.Render(payment, error: payment.Texts.CardFormat), StatusCodes.Status422UnprocessableEntity);
            }

            try
            {
                await _gateway.PayByCardAsync(Merchant(payment), payment.Id, card.Number).ConfigureAwait(false);
            }
            catch (GatewayError error)
            {
                return AfterRefusal(key, error, phoneTyped: null);
            }

            return Next(key);
        }

        /// <summary>The CVC of a saved card's payment: checked for form here; the saved card decides the outcome.</summary>
        private async Task<IResult> CvcAsync(string key, HttpRequest request)
        {
            if (Find(key) is not { IsSavedCard: true } payment)
            {
                return NotFound();
            }

            string cvc = (await FieldAsync(request, "cvc").ConfigureAwait(false))?.Trim() ?? string.Empty;
            if (cvc.Length != 3 || !cvc.All(char.IsAsciiDigit))
            {
                return Html.Respond(HostedPageView.Render(payment, error: payment.Texts.CvcFormat), StatusCodes.Status422UnprocessableEntity);
            }

            try
            {
                _gateway.ChargeSavedCard(Merchant(payment), payment.Id, "the CVC page");
            }
            catch (GatewayError error)
            {
                return AfterRefusal(key, error, phoneTyped: null);
            }

            return Next(key);
        }

        private async Task<IResult> ChallengeAsync(string key, HttpRequest request)
        {
            if (Find(key) is not { IsCard: true } payment)
            {
                return NotFound();
            }

            string code = (await FieldAsync(request, "code").ConfigureAwait(false))?.Trim() ?? string.Empty;
            try
            {
                _gateway.ConfirmChallenge(Merchant(payment), payment.Id, code);
            }
            catch (GatewayError error)
            {
                return AfterRefusal(key, error, phoneTyped: null);
            }

            return Next(key);
        }

        private IResult Show(string key) => Find(key) is { } payment
            ? Html.Respond(HostedPageView.Render(payment))
            : NotFound();

        /// <summary>One field of the page's form, or null when the body is not a form within the gateway's limits.</summary>
        private static async Task<string?> FieldAsync(HttpRequest request, string name) =>
            await PageForm.ReadAsync(request).ConfigureAwait(false) is { } form ? form.Optional(name) ?? string.Empty : null;

        private async Task<IResult> PhoneAsync(string key, HttpRequest request)
        {
            if (Find(key) is not { } payment)
            {
                return NotFound();
            }

            if (await FieldAsync(request, "phone").ConfigureAwait(false) is not { } typed)
            {
                return Html.Respond(HostedPageView.Render(payment, error: payment.Texts.PhoneFormat), StatusCodes.Status400BadRequest);
            }

            string digits = new string(typed.Where(c => !char.IsWhiteSpace(c) && c is not ('-' or '(' or ')' or '+')).ToArray());
            if (digits.Length is < 10 or > 15 || !digits.All(char.IsAsciiDigit))
            {
                return Html.Respond(HostedPageView.Render(payment, error: payment.Texts.PhoneFormat, phoneTyped: typed), StatusCodes.Status422UnprocessableEntity);
            }

            try
            {
                await _gateway.PayAsync(Merchant(payment), payment.Id, digits, operatorCode: null).ConfigureAwait(false);
            }
            catch (GatewayError error)
            {
                return AfterRefusal(key, error, typed);
            }

            return Next(key);
        }

        private async Task<IResult> CodeAsync(string key, HttpRequest request)
        {
            if (Find(key) is not { } payment)
            {
                return NotFound();
            }

            string code = (await FieldAsync(request, "code").ConfigureAwait(false))?.Trim() ?? string.Empty;
            if (code.Length == 0)
            {
                return Html.Respond(HostedPageView.Render(payment, error: payment.Texts.CodeRequired), StatusCodes.Status422UnprocessableEntity);
            }

            try
            {
                _gateway.Approve(Merchant(payment), payment.Id, code);
            }
            catch (GatewayError error)
            {
                return AfterRefusal(key, error, phoneTyped: null);
            }

            return Next(key);
        }

        private IResult Resend(string key)
        {
            if (Find(key) is not { } payment)
            {
                return NotFound();
            }

            try
            {
                _gateway.ResendCode(Merchant(payment), payment.Id);
            }
            catch (GatewayError error)
            {
                return AfterRefusal(key, error, phoneTyped: null);
            }

            return Html.Respond(HostedPageView.Render(Find(key)!, notice: payment.Texts.NewCodeSent));
        }

        /// <summary>After a step that worked: the next screen, or the way back to the shop once the payment is final.</summary>
        private IResult Next(string key)
        {
            HostedPayment payment = Find(key)!;
            return payment.IsFinished ? ReturnToShop(payment) : Results.Redirect(payment.Path);
        }

        /// <summary>A refused step: if it ended the payment (declined, too many codes), go back to the shop; else say why.</summary>
        private IResult AfterRefusal(string key, GatewayError error, string? phoneTyped)
        {
            HostedPayment payment = Find(key)!;
            if (payment.IsFinished)
            {
                return ReturnToShop(payment);
            }

            if (error.Code == SandboxErrorCodes.WrongState)
            {
                // A form sent twice, or from a stale tab: the payment has moved on; show where it stands.
                return Results.Redirect(payment.Path);
            }

            PageTexts t = payment.Texts;
            string message = error.Code switch
            {
                SandboxErrorCodes.WrongCode => t.WrongCode + " " + PageTexts.Format(t.AttemptsLeft, payment.AttemptsLeft),
                SandboxErrorCodes.CodeExpired => t.CodeExpired,
                SandboxErrorCodes.ResendTooSoon => t.ResendTooSoon,
                SandboxErrorCodes.ResendLimit => t.ResendLimit,
                SandboxErrorCodes.NotATestPhone => PageTexts.Format(t.NotTestPhone, string.Join(", ", _options.Phones.Select(p => p.Phone))),
                SandboxErrorCodes.NotATestCard => PageTexts.Format(t.NotTestCard, string.Join(", ", _options.Cards.Select(c => c.Number))),
                SandboxErrorCodes.InvalidField => payment.IsCard ? t.CardFormat : t.PhoneFormat,
                _ => PageTexts.Format(t.Failed, error.Code),
            };
            return Html.Respond(HostedPageView.Render(payment, error: message, phoneTyped: phoneTyped), StatusCodes.Status422UnprocessableEntity);
        }

        /// <summary>pg_success_url / pg_failure_url with the method the merchant chose; the result screen when there is none.</summary>
        private static IResult ReturnToShop(HostedPayment payment)
        {
            var (url, method) = payment.Return.For(payment.IsPaid);
            if (url is null)
            {
                return Results.Redirect(payment.Path);
            }

            return method == "POST"
                ? Html.Respond(HostedPageView.PostBack(payment.Texts, url, HostedPageView.ReturnFields(payment, url, signQuery: false)))
                : Results.Redirect(HostedPageView.ReturnUrl(url, payment));
        }

        private HostedPayment? Find(string key)
        {
            lock (_book.Gate)
            {
                Payment? payment = _book.FindByPageKey(key);
                if (payment is null)
                {
                    return null;
                }

                payment.ExpireIfDue(_gateway.Now);
                return new HostedPayment(
                    payment.PageKey,
                    payment.Id,
                    payment.MerchantId,
                    payment.Status,
                    payment.Terms.Amount,
                    payment.Terms.Currency,
                    payment.Terms.Description,
                    payment.Terms.OrderId,
                    payment.Phone,
                    payment.Terms.UserPhone,
                    payment.AttemptsLeft(_gateway.Rules),
                    payment.FailureCode,
                    payment.Terms.Return,
                    PageTexts.For(payment.Terms.Language),
                    payment.Card?.MaskedPan)
                {
                    IsCard = payment.Card is not null,
                    IsSavedCard = payment.Terms.Card?.Saved is not null,
                    Extra = payment.Terms.Extra ?? System.Array.Empty<KeyValuePair<string, string>>(),
                    FailureDescription = payment.FailureDescription,
                    Secret = _merchants.First(m => m.MerchantId == payment.MerchantId).SecretKey,
                };
            }
        }

        private SandboxMerchant Merchant(HostedPayment payment) => _merchants.First(m => m.MerchantId == payment.MerchantId);

        private static IResult NotFound() => Html.Respond(HostedPageView.NotFound(PageTexts.Russian), StatusCodes.Status404NotFound);
    }
}
