using System.Threading.Tasks;
using FreedomPay.MobileBalance;
using FreedomPay.Sandbox.BrowserTests.Infrastructure;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace FreedomPay.Sandbox.BrowserTests;

/// <summary>The test-mode dashboard at /_sandbox, in headless Chromium.</summary>
[Collection(BrowserCollection.Name)]
public sealed class DashboardTests(BrowserFixture browser)
{
    [BrowserFact]
    public async Task The_dashboard_lists_the_payment_its_history_its_sms_its_result_notify_and_the_signed_requests()
    {
        await using Scene scene = await Scene.StartAsync();
        InitResponse init = await scene.InitAsync("ORDER-77", 4200m, "Monthly plan", PageLanguage.English);
        await scene.Client.MobileBalance.PayAsync(new PayRequest { PaymentId = init.PaymentId, AbonentPhone = "77017777777" });
        await scene.Client.MobileBalance.ApproveAsync(new ApproveRequest { PaymentId = init.PaymentId, ApprovalCode = scene.Sandbox.Sms.LastCodeFor(init.PaymentId)! });
        await scene.Sandbox.WhenResultDeliveredAsync(init.PaymentId); // the sandbox has recorded the shop's answer
        IPage page = await browser.NewPageAsync(BrowserFixture.Desktop);

        await page.GotoAsync(scene.Sandbox.DashboardAddress.AbsoluteUri);

        ILocator payment = page.Locator($"#payment-{init.PaymentId}");
        await Expect(payment).ToContainTextAsync("ORDER-77");
        await Expect(payment).ToContainTextAsync("4200.00 KZT");
        await Expect(payment).ToContainTextAsync("success");
        await payment.GetByText("events").ClickAsync();
        await Expect(payment).ToContainTextAsync("approved with the SMS code");

        ILocator sms = page.Locator("section[aria-labelledby=sms]");
        await Expect(sms).ToContainTextAsync("111111");

        ILocator delivery = page.Locator($"#delivery-{init.PaymentId}");
        await Expect(delivery).ToContainTextAsync(scene.Shop.ResultUrl);
        await Expect(delivery).ToContainTextAsync("delivered");
        await Expect(delivery).ToContainTextAsync("HTTP 200, pg_status ok, signed correctly");

        ILocator requests = page.Locator("section[aria-labelledby=requests]");
        await Expect(requests).ToContainTextAsync("init_payment.php");
        await Expect(requests).ToContainTextAsync("approve");
        await Expect(requests).ToContainTextAsync("valid");

        Assert.DoesNotContain(scene.Sandbox.Merchant.SecretKey, await page.ContentAsync());
        await PageChecks.CheckAsync(page, "dashboard-desktop");

        // The hosted page link on the dashboard leads to the payment's page.
        await payment.GetByRole(AriaRole.Link, new() { Name = $"Open the hosted page of payment {init.PaymentId}" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Payment successful" })).ToBeVisibleAsync();
    }
}
