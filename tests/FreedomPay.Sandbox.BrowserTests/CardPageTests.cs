using System.Text.RegularExpressions;
using System.Threading.Tasks;
using FreedomPay.Purchase;
using FreedomPay.Sandbox.BrowserTests.Infrastructure;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace FreedomPay.Sandbox.BrowserTests;

/// <summary>A buyer on the hosted card page behind a Purchase init's pg_redirect_url, in headless Chromium.</summary>
[Collection(BrowserCollection.Name)]
public sealed class CardPageTests(BrowserFixture browser)
{
    [BrowserFact]
    public async Task A_buyer_pays_by_card_with_the_keyboard_alone_through_3ds_and_the_held_amount_is_then_cleared()
    {
        await using Scene scene = await Scene.StartAsync();
        InitResponse init = await scene.Client.Purchase.InitAsync(new InitRequest
        {
            OrderId = "CARD-7", Amount = 2500m, Currency = "KZT", Description = "Headphones", AutoClearing = false, Language = PageLanguage.English,
            SuccessUrl = scene.Shop.SuccessUrl, FailureUrl = scene.Shop.FailureUrl, ResultUrl = scene.Shop.ResultUrl,
        });
        IPage page = await browser.NewPageAsync(BrowserFixture.Phone);

        await page.GotoAsync(init.RedirectUrl!);
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Pay by card" })).ToBeVisibleAsync();
        await Expect(page.Locator(".amount")).ToHaveTextAsync("2,500.00\u00A0KZT");
        await Expect(page.GetByLabel("Card number")).ToBeFocusedAsync();
        await PageChecks.CheckAsync(page, "card-1-form-en");

        // A malformed expiry first: the error is announced and the number is not written back.
        await page.Keyboard.TypeAsync("4000 0000 0000 3220");
        await page.Keyboard.PressAsync("Tab");
        await page.Keyboard.TypeAsync("13/99");
        await page.Keyboard.PressAsync("Tab");
        await page.Keyboard.TypeAsync("123");
        await page.Keyboard.PressAsync("Enter");
        await Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync("Check the card number");
        await Expect(page.GetByLabel("Card number")).ToHaveValueAsync(string.Empty);
        await PageChecks.CheckAsync(page, "card-2-error-en");

        await page.GetByLabel("Card number").FocusAsync();
        await page.Keyboard.TypeAsync("4000 0000 0000 3220");
        await page.Keyboard.PressAsync("Tab");
        await page.Keyboard.TypeAsync("12/30");
        await page.Keyboard.PressAsync("Tab");
        await page.Keyboard.TypeAsync("123");
        await page.Keyboard.PressAsync("Enter");
        await Expect(page.GetByLabel("3-D Secure code")).ToBeFocusedAsync();
        await Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("400000******3220");
        await PageChecks.CheckAsync(page, "card-3-3ds-en");

        await page.Keyboard.TypeAsync(TestCard.ChallengeCode);
        await page.Keyboard.PressAsync("Enter");

        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Test shop: success" })).ToBeVisibleAsync();
        await Expect(page).ToHaveURLAsync(new Regex("^" + Regex.Escape(scene.Shop.SuccessUrl) + "\\?pg_order_id=CARD-7"));
        var result = await scene.Shop.WaitForResultAsync(init.PaymentId);
        Assert.Equal(("1", "bankcard", "0"), (result["pg_result"], result["pg_payment_method"], result["pg_captured"]));

        ClearingResponse cleared = await scene.Client.Purchase.ClearingAsync(new ClearingRequest { PaymentId = init.PaymentId });
        Assert.Equal(2500m, cleared.ClearingAmount);

        // Coming back later shows the outcome, in the buyer's language.
        await page.GotoAsync(init.RedirectUrl!);
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Payment successful" })).ToBeVisibleAsync();
        await PageChecks.CheckAsync(page, "card-4-paid-en");
    }

    [BrowserFact]
    public async Task A_declined_card_in_russian_sends_the_buyer_to_the_failure_url()
    {
        await using Scene scene = await Scene.StartAsync();
        InitResponse init = await scene.Client.Purchase.InitAsync(new InitRequest
        {
            OrderId = "CARD-8", Amount = 100m, Description = "Чехол", SuccessUrl = scene.Shop.SuccessUrl, FailureUrl = scene.Shop.FailureUrl,
        });
        IPage page = await browser.NewPageAsync(BrowserFixture.Phone);

        await page.GotoAsync(init.RedirectUrl!);
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Оплата картой" })).ToBeVisibleAsync();
        await page.GetByLabel("Номер карты").FillAsync("4000000000000002");
        await page.GetByLabel("Срок действия (ММ/ГГ)").FillAsync("12/30");
        await page.GetByLabel("CVC").FillAsync("123");
        await PageChecks.CheckAsync(page, "card-5-form-ru");
        await page.GetByRole(AriaRole.Button, new() { Name = "Оплатить" }).ClickAsync();

        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Test shop: failure" })).ToBeVisibleAsync();
        Assert.Equal(SandboxPaymentStatus.Failed, scene.Sandbox.FindPayment(init.PaymentId)!.Status);
        Assert.Equal("CARD-8", Assert.Single(scene.Shop.Returns).Fields["pg_order_id"]);
    }
}
