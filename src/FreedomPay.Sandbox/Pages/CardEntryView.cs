using static FreedomPay.Sandbox.Pages.Html;

namespace FreedomPay.Sandbox.Pages
{
    /// <summary>A page's own words: its title and intro, the button, and what it says once the card is in.</summary>
    internal sealed record CardEntryTexts(string Title, string Text, string Submit, string DoneTitle, string DoneText)
    {
        /// <summary>cardstorage/add's page: the buyer saves a card for the shop.</summary>
        public static CardEntryTexts SaveCard(PageTexts t) => new(t.SaveCardTitle, t.SaveCardText, t.SaveCard, t.CardSavedTitle, t.CardSavedText);

        /// <summary>reg2nonreg's page: the recipient names the card a payout of <paramref name="amount"/> goes to.</summary>
        public static CardEntryTexts Payout(PageTexts t, string amount) =>
            new(t.PayoutTitle, PageTexts.Format(t.PayoutText, amount), t.ReceivePayout, t.PayoutAcceptedTitle, t.PayoutAcceptedText);
    }

    /// <summary>What a card-entry page shows about its session: a copy taken under the book's lock.</summary>
    /// <param name="PagePath">The page's path, without the leading '/'.</param>
    /// <param name="BackLink">Where the buyer returns (pg_back_link).</param>
    /// <param name="EnteredPan">The card's mask, once it was typed.</param>
    /// <param name="Texts">The page's own words.</param>
    internal sealed record CardEntrySession(string PagePath, string BackLink, string? EnteredPan, CardEntryTexts Texts)
    {
        public bool IsFinished => EnteredPan is not null;
    }

    /// <summary>
    /// The pages where someone types a card once, outside a payment: the save-card page (cardstorage/add) and the
    /// payout page (reg2nonreg). The card form, then the outcome with the way back to the shop. Russian, the
    /// gateway's default: neither call takes a language.
    /// </summary>
    internal static class CardEntryView
    {
        public static string Render(CardEntrySession session, string? error = null)
        {
            PageTexts t = PageTexts.Russian;
            CardEntryTexts page = session.Texts;
            if (!session.IsFinished)
            {
                return Document(t.Language, page.Title, $"""
                    {HostedPageView.Banner(t)}
                    <div class="card">
                    <h1>{E(page.Title)}</h1>
                    <p>{E(page.Text)}</p>
                    {HostedPageView.CardForm(t, "/" + session.PagePath + "/card", page.Submit, error)}
                    </div>
                    """);
            }

            return Document(t.Language, page.DoneTitle, $"""
                {HostedPageView.Banner(t)}
                <div class="card">
                <h1 class="ok">{E(page.DoneTitle)}</h1>
                <p>{E(PageTexts.Format(page.DoneText, session.EnteredPan!))}</p>
                <a class="button" href="{E(session.BackLink)}">{E(t.ReturnToShop)}</a>
                </div>
                """);
        }
    }
}
