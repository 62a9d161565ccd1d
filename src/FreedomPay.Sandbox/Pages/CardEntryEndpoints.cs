using System;
using System.Linq;
using System.Threading.Tasks;
using FreedomPay.Sandbox.Gateway;
using FreedomPay.Sandbox.Payments;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace FreedomPay.Sandbox.Pages
{
    /// <summary>
    /// The card-entry pages: <c>/pay/save-card/{key}</c> (cardstorage/add and the payout side's add: the card is
    /// saved and the result posted to the shop) and <c>/pay/payout/{key}</c> (reg2nonreg: the payout is made to the
    /// card and Payout notify sent). The person types a test card; the page shows the outcome and the way back.
    /// </summary>
    internal sealed class CardEntryEndpoints(SandboxGateway gateway, PaymentBook book, Func<string, CardEntrySession?> find, Action<string, CardFormInput> enter)
    {
        public static void Map(WebApplication app, SandboxGateway gateway, PaymentBook book)
        {
            var saveCard = new CardEntryEndpoints(
                gateway,
                book,
                key => book.Vault.FindBinding(key) is { } binding
                    ? new CardEntrySession(binding.PagePath, binding.BackLink, binding.Saved?.MaskedPan, CardEntryTexts.SaveCard(PageTexts.Russian))
                    : null,
                (key, card) => gateway.SaveCard(key, card.Number, card.Expiry));
            var payout = new CardEntryEndpoints(
                gateway,
                book,
                key => book.FindPayoutByPage(key) is { } found
                    ? new CardEntrySession(found.PagePath, found.BackLink!, found.Target, CardEntryTexts.Payout(PageTexts.Russian, PageTexts.Russian.Money(found.Amount, "KZT")))
                    : null,
                (key, card) => gateway.PayOutToTypedCard(key, card.Number));
            saveCard.MapAt(app, "/pay/save-card/{key}");
            payout.MapAt(app, "/pay/payout/{key}");
        }

        private void MapAt(WebApplication app, string route)
        {
            app.MapGet(route, (string key) => Show(key));
            app.MapPost(route + "/card", (string key, HttpRequest request) => CardAsync(key, request));
        }

        private IResult Show(string key) => Find(key) is { } session
            ? Html.Respond(CardEntryView.Render(session))
            : Html.Respond(HostedPageView.NotFound(PageTexts.Russian), StatusCodes.Status404NotFound);

        private async Task<IResult> CardAsync(string key, HttpRequest request)
        {
            if (Find(key) is not { } session)
            {
                return Html.Respond(HostedPageView.NotFound(PageTexts.Russian), StatusCodes.Status404NotFound);
            }

            if (session.IsFinished)
            {
                return Results.Redirect("/" + session.PagePath);
            }

            PageTexts t = PageTexts.Russian;
            CardFormInput? card = await CardFormInput.ReadAsync(request, gateway.Now).ConfigureAwait(false);
            if (card is null)
            {
                return Html.Respond(CardEntryView.Render(session, t.CardFormat), StatusCodes.Status422UnprocessableEntity);
            }

            try
            {
                enter(key, card);
            }
            catch (GatewayError error) when (error.Code == SandboxErrorCodes.NotATestCard)
            {
                return Html.Respond(CardEntryView.Render(session, PageTexts.Format(t.NotTestCard, string.Join(", ", gateway.TestCards.Select(c => c.Number)))), StatusCodes.Status422UnprocessableEntity);
            }
            catch (GatewayError)
            {
                // Finished meanwhile (a form sent twice): show where it stands.
            }

            return Results.Redirect("/" + session.PagePath);
        }

        private CardEntrySession? Find(string key)
        {
            lock (book.Gate)
            {
                return find(key);
            }
        }
    }
}
