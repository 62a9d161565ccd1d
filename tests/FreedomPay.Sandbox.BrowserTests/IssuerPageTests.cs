using System.Linq;
using System.Threading.Tasks;
using FreedomPay.GatewayPayments;
using FreedomPay.Sandbox.BrowserTests.Infrastructure;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace FreedomPay.Sandbox.BrowserTests;

/// <summary>
/// The sandbox's issuer page (3-D Secure of the Gateway API's card payments) in headless Chromium: the shop's form
/// from <c>PayResponse.IssuerPage</c>, the code typed with the keyboard alone, the result posted back to the shop.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class IssuerPageTests(BrowserFixture browser)
{
    private static PayRequest Card(string order) => new()
    {
        OrderId = order, Amount = 2500m, Description = "Headphones", AutoClearing = false,
        CardPan = "4000000000003220", CardCvc = "123", CardMonth = "12", CardYear = "49", CardName = "TEST TESTOV",
    };

    [BrowserFact]
    public async Task A_buyer_passes_3DS_on_the_issuer_page_with_the_keyboard_alone_and_the_shop_completes_the_payment()
    {
        await using Scene scene = await Scene.StartAsync();
        PayResponse payment = await scene.Client.GatewayPayments.PayAsync(Card("ACS-1"));
        FreedomPayRedirect redirect = payment.IssuerPage(new System.Uri(scene.Shop.SuccessUrl))!;
        IPage page = await browser.NewPageAsync(BrowserFixture.Phone);

        // The shop's own page: the form ToHtmlForm writes, sent with the keyboard.
        await page.SetContentAsync("<!DOCTYPE html><html lang=\"en\"><head><title>Shop</title></head><body><main>" + redirect.ToHtmlForm("Continue to your bank") + "</main></body></html>");
        await page.Keyboard.PressAsync("Tab");
        await page.Keyboard.PressAsync("Enter");

        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Card verification" })).ToBeVisibleAsync();
        await Expect(page.GetByLabel("Code from the SMS")).ToBeFocusedAsync();
        await Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("400000******3220");
        await PageChecks.CheckAsync(page, "issuer-1-code-en");

        await page.Keyboard.TypeAsync(TestCard.ChallengeCode);
        await page.Keyboard.PressAsync("Enter");

        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Test shop: success" })).ToBeVisibleAsync();
        ShopReturn back = Assert.Single(scene.Shop.Returns);
        Assert.Equal("POST", back.Method);
        CompleteThreeDsResponse completed = await scene.Client.GatewayPayments.CompleteThreeDsAsync(CompleteThreeDsRequest.FromPostedForm(back.Fields, payment.PaymentId));
        Assert.Equal(ResultStatus.Ok, completed.Status);
        Assert.Equal(SandboxPaymentStatus.Authorized, scene.Sandbox.FindPayment(payment.PaymentId)!.Status);
    }

    [BrowserFact]
    public async Task An_empty_code_is_announced_on_the_field_and_a_wrong_one_fails_the_payment()
    {
        await using Scene scene = await Scene.StartAsync();
        PayResponse payment = await scene.Client.GatewayPayments.PayAsync(Card("ACS-2"));
        FreedomPayRedirect redirect = payment.IssuerPage(new System.Uri(scene.Shop.FailureUrl))!;
        IPage page = await browser.NewPageAsync(BrowserFixture.Phone);
        await page.SetContentAsync("<!DOCTYPE html><html lang=\"en\"><head><title>Shop</title></head><body><main>" + redirect.ToHtmlForm("Continue to your bank") + "</main></body></html>");
        await page.Keyboard.PressAsync("Tab");
        await page.Keyboard.PressAsync("Enter");
        await Expect(page.GetByLabel("Code from the SMS")).ToBeFocusedAsync();

        await page.Keyboard.PressAsync("Enter");
        await Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync("Type the code from the SMS.");
        await Expect(page.GetByLabel("Code from the SMS")).ToHaveAttributeAsync("aria-invalid", "true");
        await PageChecks.CheckAsync(page, "issuer-2-empty-en");

        await page.GetByLabel("Code from the SMS").FocusAsync();
        await page.Keyboard.TypeAsync("000000");
        await page.Keyboard.PressAsync("Enter");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Test shop: failure" })).ToBeVisibleAsync();

        var ex = await Assert.ThrowsAsync<FreedomPayGatewayException>(() => scene.Client.GatewayPayments.CompleteThreeDsAsync(
            CompleteThreeDsRequest.FromPostedForm(scene.Shop.Returns.Single().Fields, payment.PaymentId)));
        Assert.Equal("10004", ex.ErrorCode);
        Assert.Equal(SandboxPaymentStatus.Failed, scene.Sandbox.FindPayment(payment.PaymentId)!.Status);
    }
}
