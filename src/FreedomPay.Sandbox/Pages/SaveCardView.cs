using static FreedomPay.Sandbox.Pages.Html;

namespace FreedomPay.Sandbox.Pages
{
    /// <summary>What the save-card page shows about a card-saving session: a copy taken under the book's lock.</summary>
    /// <param name="PagePath">The page's path, without the leading '/'.</param>
    /// <param name="BackLink">Where the buyer returns (cardstorage/add's pg_back_link).</param>
    /// <param name="SavedPan">The saved card's mask, once saved.</param>
    internal sealed record SaveCardSession(string PagePath, string BackLink, string? SavedPan)
    {
        public bool IsFinished => SavedPan is not null;
    }

    /// <summary>
    /// The page behind cardstorage/add's <c>pg_redirect_url</c>: the card form, then the saved card with the way back
    /// to the shop (<c>pg_back_link</c>). Russian, the gateway's default: cardstorage/add takes no language.
    /// </summary>
    internal static class SaveCardView
    {
        public static string Render(SaveCardSession session, string? error = null)
        {
            PageTexts t = PageTexts.Russian;
            if (!session.IsFinished)
            {
                return Document(t.Language, t.SaveCardTitle, $"""
                    {HostedPageView.Banner(t)}
                    <div class="card">
                    <h1>{E(t.SaveCardTitle)}</h1>
                    <p>{E(t.SaveCardText)}</p>
                    {HostedPageView.CardForm(t, "/" + session.PagePath + "/card", t.SaveCard, error)}
                    </div>
                    """);
            }

            return Document(t.Language, t.CardSavedTitle, $"""
                {HostedPageView.Banner(t)}
                <div class="card">
                <h1 class="ok">{E(t.CardSavedTitle)}</h1>
                <p>{E(PageTexts.Format(t.CardSavedText, session.SavedPan!))}</p>
                <a class="button" href="{E(session.BackLink)}">{E(t.ReturnToShop)}</a>
                </div>
                """);
        }
    }
}
