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
    public async Task The_dashboard_lists_the_payment_its_history_its_sms_its_result_notify_payouts_invoices_and_the_signed_requests()
    {
        await using Scene scene = await Scene.StartAsync();
        InitResponse init = await scene.InitAsync("ORDER-77", 4200m, "Monthly plan", PageLanguage.English);
        await scene.Client.MobileBalance.PayAsync(new PayRequest { PaymentId = init.PaymentId, AbonentPhone = "77017777777" });
        await scene.Client.MobileBalance.ApproveAsync(new ApproveRequest { PaymentId = init.PaymentId, ApprovalCode = scene.Sandbox.Sms.LastCodeFor(init.PaymentId)! });
        await scene.Sandbox.WhenResultDeliveredAsync(init.PaymentId); // the sandbox has recorded the shop's answer
        // A payout waiting on its page and an invoice, so that their sections are shown and audited too.
        await scene.Client.Payouts.ToUnsavedCardAsync(new Payouts.ToUnsavedCardRequest
        {
            OrderId = "OUT-7", Amount = 1000m, Description = "Refund", OrderTimeLimit = System.DateTime.UtcNow.AddDays(1), BackLink = scene.Shop.SuccessUrl, PostLink = scene.Shop.ResultUrl,
        });
        Invoice.InitResponse invoice = await scene.Client.Invoice.InitAsync(new Invoice.InitRequest { OrderId = "INV-7", Amount = 300m, Description = "Services", InvoiceMethod = Invoice.InvoiceMethod.Qr });
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

        ILocator payouts = page.Locator("section[aria-labelledby=payouts]");
        await Expect(payouts).ToContainTextAsync("OUT-7");
        await Expect(payouts.GetByRole(AriaRole.Link, new() { NameRegex = new System.Text.RegularExpressions.Regex("^waiting on its page: open the payout page of payout ") })).ToBeVisibleAsync();
        ILocator invoices = page.Locator("section[aria-labelledby=invoices]");
        await Expect(invoices).ToContainTextAsync(invoice.InvoiceId!);
        await Expect(invoices).ToContainTextAsync("process");

        Assert.DoesNotContain(scene.Sandbox.Merchant.SecretKey, await page.ContentAsync());
        await PageChecks.CheckAsync(page, "dashboard-desktop");

        // The hosted page link on the dashboard leads to the payment's page.
        await payment.GetByRole(AriaRole.Link, new() { Name = $"Open the hosted page of payment {init.PaymentId}" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Payment successful" })).ToBeVisibleAsync();
    }
}
