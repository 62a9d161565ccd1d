using System.Text.RegularExpressions;
using System.Threading.Tasks;
using FreedomPay.Cards;
using FreedomPay.Sandbox.BrowserTests.Infrastructure;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace FreedomPay.Sandbox.BrowserTests;

/// <summary>
/// A buyer saving a card on the page behind cardstorage/add's pg_redirect_url, confirming a saved card's payment on
/// the CVC page behind card/pay, and a recipient naming the card of a payout on reg2nonreg's page, in headless
/// Chromium: keyboard only, errors announced, axe-clean.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class CardEntryPageTests(BrowserFixture browser)
{
    [BrowserFact]
    public async Task A_buyer_saves_a_card_with_the_keyboard_alone_and_goes_back_to_the_shop()
    {
        await using Scene scene = await Scene.StartAsync();
        AddResponse added = await scene.Client.Cards.AddAsync(new AddRequest { UserId = "buyer-1", BackLink = scene.Shop.SuccessUrl });
        IPage page = await browser.NewPageAsync(BrowserFixture.Phone);

        await page.GotoAsync(added.RedirectUrl);
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Привязка карты" })).ToBeVisibleAsync();
        await Expect(page.GetByLabel("Номер карты")).ToBeFocusedAsync();
        await PageChecks.CheckAsync(page, "save-card-1-form-ru");

        // An expiry in the past first: refused, announced, and the number is not written back.
        await page.Keyboard.TypeAsync("4405 6450 0000 6150");
        await page.Keyboard.PressAsync("Tab");
        await page.Keyboard.TypeAsync("01/20");
        await page.Keyboard.PressAsync("Tab");
        await page.Keyboard.TypeAsync("123");
        await page.Keyboard.PressAsync("Enter");
        await Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync("Проверьте номер карты");
        await Expect(page.GetByLabel("Номер карты")).ToHaveValueAsync(string.Empty);
        await PageChecks.CheckAsync(page, "save-card-2-error-ru");
        Assert.Empty((await scene.Client.Cards.ListAsync(new ListRequest { UserId = "buyer-1" })).Card);

        await page.GetByLabel("Номер карты").FillAsync("4405 6450 0000 6150");
        await page.GetByLabel("Срок действия (ММ/ГГ)").FillAsync("12/30");
        await page.GetByLabel("CVC").FillAsync("123");
        await page.GetByRole(AriaRole.Button, new() { Name = "Привязать карту" }).PressAsync("Enter");

        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Карта привязана" })).ToBeVisibleAsync();
        await Expect(page.Locator("p", new() { HasText = "сохранена для магазина" })).ToContainTextAsync("4405-64XX-XXXX-6150");
        await PageChecks.CheckAsync(page, "save-card-3-saved-ru");
        SavedCard card = Assert.Single((await scene.Client.Cards.ListAsync(new ListRequest { UserId = "buyer-1" })).Card);
        Assert.Equal("4405-64XX-XXXX-6150", card.CardHash);

        await page.GetByRole(AriaRole.Link, new() { Name = "Вернуться в магазин" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Test shop: success" })).ToBeVisibleAsync();
    }

    [BrowserFact]
    public async Task A_buyer_confirms_a_saved_card_payment_with_the_cvc_alone_and_is_sent_to_the_success_url()
    {
        await using Scene scene = await Scene.StartAsync();
        string token = await SaveCardAsync(scene, browser, "buyer-2");
        InitResponse init = await scene.Client.Cards.InitAsync(new InitRequest
        {
            OrderId = "CVC-1", Amount = 990m, Description = "Refill", UserId = "buyer-2", CardToken = token,
            SuccessUrl = scene.Shop.SuccessUrl, FailureUrl = scene.Shop.FailureUrl, ResultUrl = scene.Shop.ResultUrl,
        });
        FreedomPayRedirect redirect = scene.Client.Cards.CvcPage(new CvcPageRequest { PaymentId = init.PaymentId });
        IPage page = await browser.NewPageAsync(BrowserFixture.Phone);

        await page.GotoAsync(redirect.Url.ToString());
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Оплата картой" })).ToBeVisibleAsync();
        await Expect(page.GetByLabel("CVC")).ToBeFocusedAsync();
        await Expect(page.Locator("#cvc-status")).ToContainTextAsync("440564******6150");
        await Expect(page.GetByLabel("Номер карты")).ToHaveCountAsync(0); // the saved card is not asked for again
        await PageChecks.CheckAsync(page, "cvc-1-form-ru");

        await page.Keyboard.TypeAsync("12");
        await page.Keyboard.PressAsync("Enter");
        await Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync("Введите CVC: 3 цифры");
        await Expect(page.GetByLabel("CVC")).ToHaveAttributeAsync("aria-invalid", "true");
        await PageChecks.CheckAsync(page, "cvc-2-error-ru");
        Assert.Equal(SandboxPaymentStatus.New, scene.Sandbox.FindPayment(init.PaymentId)!.Status);

        await page.GetByLabel("CVC").FillAsync("123");
        await page.Keyboard.PressAsync("Enter");

        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Test shop: success" })).ToBeVisibleAsync();
        await Expect(page).ToHaveURLAsync(new Regex("^" + Regex.Escape(scene.Shop.SuccessUrl) + "\\?pg_order_id=CVC-1"));
        var result = await scene.Shop.WaitForResultAsync(init.PaymentId);
        Assert.Equal(("1", "990"), (result["pg_result"], result["pg_amount"]));
        Assert.Equal(SandboxPaymentStatus.Success, scene.Sandbox.FindPayment(init.PaymentId)!.Status);
    }

    [BrowserFact]
    public async Task A_recipient_names_the_card_of_a_payout_on_its_page_and_the_payout_is_made()
    {
        await using Scene scene = await Scene.StartAsync();
        string token = await SaveCardAsync(scene, browser, "payer-1");
        Cards.InitResponse payIn = await scene.Client.Cards.InitAsync(new Cards.InitRequest { OrderId = "IN-1", Amount = 5000m, Description = "Pay-in", UserId = "payer-1", CardToken = token });
        await scene.Client.Cards.DirectAsync(new Cards.DirectRequest { PaymentId = payIn.PaymentId });
        Payouts.ToUnsavedCardResponse payout = await scene.Client.Payouts.ToUnsavedCardAsync(new Payouts.ToUnsavedCardRequest
        {
            OrderId = "OUT-1", Amount = 1250m, Description = "Winnings", OrderTimeLimit = System.DateTime.UtcNow.AddDays(1), BackLink = scene.Shop.SuccessUrl, PostLink = scene.Sandbox.Shop.NotifyUrl.AbsoluteUri,
        });
        IPage page = await browser.NewPageAsync(BrowserFixture.Phone);

        await page.GotoAsync(payout.RedirectUrl);
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Получение выплаты" })).ToBeVisibleAsync();
        await Expect(page.Locator("p", new() { HasText = "Магазин переводит вам" })).ToContainTextAsync("1\u00A0250,00\u00A0KZT");
        await Expect(page.GetByLabel("Номер карты")).ToBeFocusedAsync();
        await PageChecks.CheckAsync(page, "payout-1-form-ru");

        await page.Keyboard.TypeAsync("4111 1111 1111 1111"); // well-formed, but not a sandbox test card
        await page.Keyboard.PressAsync("Tab");
        await page.Keyboard.TypeAsync("12/30");
        await page.Keyboard.PressAsync("Tab");
        await page.Keyboard.TypeAsync("123");
        await page.Keyboard.PressAsync("Enter");
        await Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync("только тестовые карты");
        await PageChecks.CheckAsync(page, "payout-2-error-ru");

        await page.GetByLabel("Номер карты").FillAsync("4405645000006150");
        await page.GetByLabel("Срок действия (ММ/ГГ)").FillAsync("12/30");
        await page.GetByLabel("CVC").FillAsync("123");
        await page.GetByRole(AriaRole.Button, new() { Name = "Получить выплату" }).PressAsync("Enter");

        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Выплата принята" })).ToBeVisibleAsync();
        await Expect(page.Locator("p", new() { HasText = "Деньги поступят" })).ToContainTextAsync("4405-64XX-XXXX-6150");
        await PageChecks.CheckAsync(page, "payout-3-accepted-ru");
        await page.GetByRole(AriaRole.Link, new() { Name = "Вернуться в магазин" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Test shop: success" })).ToBeVisibleAsync();
    }

    /// <summary>Saves the approving test card through the page, as the buyer would; the token from list.</summary>
    private static async Task<string> SaveCardAsync(Scene scene, BrowserFixture browser, string user)
    {
        AddResponse added = await scene.Client.Cards.AddAsync(new AddRequest { UserId = user, BackLink = scene.Shop.SuccessUrl });
        IPage page = await browser.NewPageAsync(BrowserFixture.Phone);
        await page.GotoAsync(added.RedirectUrl);
        await page.GetByLabel("Номер карты").FillAsync("4405645000006150");
        await page.GetByLabel("Срок действия (ММ/ГГ)").FillAsync("12/30");
        await page.GetByLabel("CVC").FillAsync("123");
        await page.GetByRole(AriaRole.Button, new() { Name = "Привязать карту" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Карта привязана" })).ToBeVisibleAsync();
        return Assert.Single((await scene.Client.Cards.ListAsync(new ListRequest { UserId = user })).Card).CardToken!;
    }
}
