using System;
using System.Text;
using System.Threading.Tasks;
using FreedomPay.Invoice;
using FreedomPay.Sandbox.BrowserTests.Infrastructure;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace FreedomPay.Sandbox.BrowserTests;

/// <summary>A buyer on the page an invoice's QR code leads to (Invoice Init, the JSON protocol), in headless Chromium.</summary>
[Collection(BrowserCollection.Name)]
public sealed class InvoicePageTests(BrowserFixture browser)
{
    [BrowserFact]
    public async Task A_buyer_pays_an_invoice_with_the_keyboard_on_the_page_its_qr_code_leads_to()
    {
        await using Scene scene = await Scene.StartAsync();
        InitResponse init = await scene.Client.Invoice.InitAsync(new InitRequest { OrderId = "INV-1", Amount = 12500m, Description = "Услуги за ноябрь", InvoiceMethod = InvoiceMethod.Qr });
        string page = Encoding.UTF8.GetString(Convert.FromBase64String(init.InvoiceMethods!.Qr!));
        IPage tab = await browser.NewPageAsync(BrowserFixture.Phone);

        await tab.GotoAsync(page);
        await Expect(tab.GetByRole(AriaRole.Heading, new() { Name = "Оплата счёта" })).ToBeVisibleAsync();
        await Expect(tab.Locator(".amount")).ToHaveTextAsync("12\u00A0500,00\u00A0KZT");
        await Expect(tab.GetByText("Услуги за ноябрь")).ToBeVisibleAsync();
        await PageChecks.CheckAsync(tab, "invoice-1-waiting-ru");

        await tab.GetByRole(AriaRole.Button, new() { Name = "Оплатить счёт" }).FocusAsync();
        await tab.Keyboard.PressAsync("Enter");

        await Expect(tab.GetByRole(AriaRole.Heading, new() { Name = "Счёт оплачен" })).ToBeVisibleAsync();
        await PageChecks.CheckAsync(tab, "invoice-2-paid-ru");
        Assert.Equal(InvoiceStatus.Ok, (await scene.Client.Invoice.StatusAsync(new StatusRequest { InvoiceId = init.InvoiceId! })).InvoiceStatus);
    }
}
