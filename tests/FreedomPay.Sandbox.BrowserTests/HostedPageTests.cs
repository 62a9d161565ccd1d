using System;
using System.Globalization;
using System.Linq;
using System.Text.RegularExpressions;
using System.Threading.Tasks;
using FreedomPay.MobileBalance;
using FreedomPay.Sandbox.BrowserTests.Infrastructure;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace FreedomPay.Sandbox.BrowserTests;

/// <summary>A buyer on the hosted payment page behind init's pg_redirect_url, in headless Chromium.</summary>
[Collection(BrowserCollection.Name)]
public sealed class HostedPageTests(BrowserFixture browser)
{
    private const string NeedsCode = "77017777777";
    private const string NeedsCodeToo = "77027777777";

    [BrowserFact]
    public async Task A_buyer_pays_with_the_keyboard_alone_and_returns_to_the_shop_which_gets_the_result_notify()
    {
        await using Scene scene = await Scene.StartAsync();
        InitResponse init = await scene.InitAsync("ORDER-42", 1500m, "Coffee beans, 1 kg", PageLanguage.English);
        IPage page = await browser.NewPageAsync(BrowserFixture.Phone);

        await page.GotoAsync(init.RedirectUrl!);
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Pay from your mobile balance" })).ToBeVisibleAsync();
        await Expect(page.Locator(".amount")).ToHaveTextAsync("1,500.00\u00A0KZT");
        await Expect(page.GetByText("Order ORDER-42")).ToBeVisibleAsync();
        await Expect(page.GetByLabel("Phone number")).ToBeFocusedAsync();
        await PageChecks.CheckAsync(page, "hosted-1-phone-en");

        await page.Keyboard.TypeAsync(NeedsCode);
        await page.Keyboard.PressAsync("Enter");
        await Expect(page.GetByLabel("Code from the SMS")).ToBeFocusedAsync();
        await Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("We sent a code by SMS to +7 701 ••• •• 77.");
        await PageChecks.CheckAsync(page, "hosted-2-code-en");

        string code = scene.Sandbox.Sms.LastCodeFor(init.PaymentId)!;
        await page.Keyboard.TypeAsync(code);
        await page.Keyboard.PressAsync("Enter");

        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Test shop: success" })).ToBeVisibleAsync(); // back at the shop
        await Expect(page).ToHaveURLAsync(new Regex("^" + Regex.Escape(scene.Shop.SuccessUrl) + "\\?"));
        ShopReturn back = Assert.Single(scene.Shop.Returns);
        Assert.Equal(("success", "GET"), (back.Outcome, back.Method));
        Assert.Equal(init.PaymentId.ToString(CultureInfo.InvariantCulture), back.Fields["pg_payment_id"]);
        Assert.Equal("ORDER-42", back.Fields["pg_order_id"]);

        var result = await scene.Shop.WaitForResultAsync(init.PaymentId);
        Assert.Equal("1", result["pg_result"]);
        StatusResponse status = await scene.Client.MobileBalance.StatusAsync(new StatusRequest { PaymentId = init.PaymentId });
        Assert.Equal(PaymentStatus.Success, status.PaymentStatus);

        // Coming back to the page later shows the outcome, not the form.
        await page.GotoAsync(init.RedirectUrl!);
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Payment successful" })).ToBeVisibleAsync();
        // The way back is signed as the Redirect back docs say (a fresh salt each time the page is shown).
        ILocator link = page.GetByRole(AriaRole.Link, new() { Name = "Return to the shop" });
        await Expect(link).ToHaveAttributeAsync("href", new Regex("^" + Regex.Escape(scene.Shop.SuccessUrl + "?pg_order_id=ORDER-42&pg_payment_id=" + init.PaymentId + "&pg_salt=") + "[0-9a-f]{16}&pg_sig=[0-9a-f]{32}$"));
        var query = Microsoft.AspNetCore.WebUtilities.QueryHelpers.ParseQuery(new Uri((await link.GetAttributeAsync("href"))!).Query)
            .Select(p => new System.Collections.Generic.KeyValuePair<string, string>(p.Key, p.Value.ToString())).ToList();
        Assert.Equal(FreedomPay.TestSupport.ReferenceSignature.Sign("success", query, scene.Sandbox.Merchant.SecretKey), query.Single(p => p.Key == "pg_sig").Value);
        await PageChecks.CheckAsync(page, "hosted-3-paid-en");
    }

    [BrowserFact]
    public async Task A_wrong_code_shows_the_error_and_the_attempts_left_in_russian_and_the_last_one_fails_the_payment()
    {
        await using Scene scene = await Scene.StartAsync();
        InitResponse init = await scene.InitAsync("ORDER-7", 990m, "Пополнение баланса");
        IPage page = await browser.NewPageAsync(BrowserFixture.Phone);

        await page.GotoAsync(init.RedirectUrl!);
        await Expect(page.Locator("html")).ToHaveAttributeAsync("lang", "ru");
        await Expect(page.Locator(".amount")).ToHaveTextAsync("990,00\u00A0KZT");
        await page.GetByLabel("Номер телефона").FillAsync("+7 702 777 77 77");
        await page.GetByRole(AriaRole.Button, new() { Name = "Получить код по SMS" }).ClickAsync();
        await Expect(page.GetByLabel("Код из SMS")).ToBeFocusedAsync();
        await PageChecks.CheckAsync(page, "hosted-4-code-ru");

        await page.GetByLabel("Код из SMS").FillAsync("000000");
        await page.GetByRole(AriaRole.Button, new() { Name = "Оплатить" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Alert)).ToHaveTextAsync("Неверный код. Осталось попыток: 2.");
        await Expect(page.GetByLabel("Код из SMS")).ToHaveAttributeAsync("aria-invalid", "true");
        await PageChecks.CheckAsync(page, "hosted-5-wrong-code-ru");

        await page.GetByRole(AriaRole.Button, new() { Name = "Отправить новый код" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Alert)).ToHaveTextAsync("Новый код можно запросить чуть позже.");

        await page.GetByLabel("Код из SMS").FillAsync("000001");
        await page.GetByRole(AriaRole.Button, new() { Name = "Оплатить" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Alert)).ToHaveTextAsync("Неверный код. Осталось попыток: 1.");
        await page.GetByLabel("Код из SMS").FillAsync("000002");
        await page.GetByRole(AriaRole.Button, new() { Name = "Оплатить" }).ClickAsync();

        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Test shop: failure" })).ToBeVisibleAsync();
        await Expect(page).ToHaveURLAsync(new Regex("^" + Regex.Escape(scene.Shop.FailureUrl) + "\\?"));
        Assert.Equal("failure", Assert.Single(scene.Shop.Returns).Outcome);
        var result = await scene.Shop.WaitForResultAsync(init.PaymentId);
        Assert.Equal("0", result["pg_result"]);
        Assert.Equal(SandboxPaymentStatus.Failed, scene.Sandbox.FindPayment(init.PaymentId)!.Status);

        await page.GotoAsync(init.RedirectUrl!);
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Оплата не прошла" })).ToBeVisibleAsync();
        await Expect(page.GetByText("Слишком много неверных кодов.")).ToBeVisibleAsync();
        await PageChecks.CheckAsync(page, "hosted-6-failed-ru");
    }

    [BrowserFact]
    public async Task A_post_return_hands_the_buyer_back_with_a_form_post_and_a_non_test_phone_is_explained()
    {
        await using Scene scene = await Scene.StartAsync();
        InitResponse init = await scene.InitAsync("ORDER-9", 250m, "Tickets", PageLanguage.English, RedirectMethod.Post);
        IPage page = await browser.NewPageAsync(BrowserFixture.Phone);
        await page.GotoAsync(init.RedirectUrl!);

        await page.GetByLabel("Phone number").FillAsync("12345");
        await page.GetByRole(AriaRole.Button, new() { Name = "Get an SMS code" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Alert)).ToHaveTextAsync("Enter the number with the country code: 10 to 15 digits.");
        await Expect(page.GetByLabel("Phone number")).ToHaveValueAsync("12345");

        await page.GetByLabel("Phone number").FillAsync("70000000001");
        await page.GetByRole(AriaRole.Button, new() { Name = "Get an SMS code" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync("The sandbox accepts test phones only: 77017777777");
        await PageChecks.CheckAsync(page, "hosted-7-not-a-test-phone-en");

        await page.GetByLabel("Phone number").FillAsync(NeedsCodeToo);
        await page.GetByRole(AriaRole.Button, new() { Name = "Get an SMS code" }).ClickAsync();
        await Expect(page.GetByLabel("Code from the SMS")).ToBeFocusedAsync(); // the code page: the SMS was sent
        await page.GetByLabel("Code from the SMS").FillAsync(scene.Sandbox.Sms.LastCodeFor(init.PaymentId)!);
        await page.GetByRole(AriaRole.Button, new() { Name = "Pay" }).ClickAsync();

        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Test shop: success" })).ToBeVisibleAsync(); // the form POST arrived
        await Expect(page).ToHaveURLAsync(scene.Shop.SuccessUrl);
        ShopReturn back = Assert.Single(scene.Shop.Returns);
        Assert.Equal(("success", "POST"), (back.Outcome, back.Method));
        Assert.Equal(init.PaymentId.ToString(CultureInfo.InvariantCulture), back.Fields["pg_payment_id"]);
    }

    [BrowserFact]
    public async Task An_unknown_page_address_says_the_payment_was_not_found()
    {
        await using Scene scene = await Scene.StartAsync();
        IPage page = await browser.NewPageAsync(BrowserFixture.Phone);

        IResponse? response = await page.GotoAsync(new Uri(scene.Sandbox.BaseAddress, "pay/0123456789abcdef").AbsoluteUri);

        Assert.Equal(404, response!.Status);
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Платёж не найден" })).ToBeVisibleAsync();
        await PageChecks.AssertAccessibleAsync(page);
    }
}
