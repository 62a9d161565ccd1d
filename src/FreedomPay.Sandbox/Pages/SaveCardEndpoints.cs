using System.Linq;
using System.Threading.Tasks;
using FreedomPay.Sandbox.Gateway;
using FreedomPay.Sandbox.Payments;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace FreedomPay.Sandbox.Pages
{
    /// <summary>
    /// The save-card page (cardstorage/add, and the payout side's add): the buyer types a test card, the gateway
    /// saves it and posts the result to the shop, the page shows the outcome and the way back.
    /// </summary>
    internal sealed class SaveCardEndpoints(SandboxGateway gateway, PaymentBook book)
    {
        public static void Map(WebApplication app, SandboxGateway gateway, PaymentBook book)
        {
            var pages = new SaveCardEndpoints(gateway, book);
            app.MapGet("/pay/save-card/{key}", (string key) => pages.Show(key));
            app.MapPost("/pay/save-card/{key}/card", (string key, HttpRequest request) => pages.CardAsync(key, request));
        }

        private IResult Show(string key) => Find(key) is { } session
            ? Html.Respond(SaveCardView.Render(session))
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
                return Html.Respond(SaveCardView.Render(session, t.CardFormat), StatusCodes.Status422UnprocessableEntity);
            }

            try
            {
                gateway.SaveCard(key, card.Number, card.Expiry);
            }
            catch (GatewayError error) when (error.Code == SandboxErrorCodes.NotATestCard)
            {
                return Html.Respond(SaveCardView.Render(session, PageTexts.Format(t.NotTestCard, string.Join(", ", gateway.TestCards.Select(c => c.Number)))), StatusCodes.Status422UnprocessableEntity);
            }
            catch (GatewayError)
            {
                // Finished meanwhile (a form sent twice): show where it stands.
            }

            return Results.Redirect("/" + session.PagePath);
        }

        private SaveCardSession? Find(string key)
        {
            lock (book.Gate)
            {
                return book.Vault.FindBinding(key) is { } binding
                    ? new SaveCardSession(binding.PagePath, binding.BackLink, binding.Saved?.MaskedPan)
                    : null;
            }
        }
    }
}
