using System;
using System.Collections.Generic;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Threading.Tasks;
using FreedomPay.Sandbox;
using FreedomPay.SampleShop;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;

namespace FreedomPay.AspNetCore.Tests;

/// <summary>
/// samples/FreedomPay.SampleShop end to end, as a developer runs it: in Development it starts its own sandbox; a buyer
/// buys, pays on the hosted card page, comes back, and the shop learns from the Result notify that the order is paid.
/// </summary>
public sealed class SampleShopTests
{
    [Fact]
    public async Task A_buyer_buys_pays_on_the_card_page_and_the_shop_marks_the_order_paid_from_the_result_notify()
    {
        await using WebApplication shop = await ShopApp.BuildAsync(new[] { "--urls", "http://127.0.0.1:0", "--environment", "Development" });
        await shop.StartAsync();
        var address = new Uri(shop.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First());
        FreedomPaySandbox sandbox = shop.Services.GetRequiredService<FreedomPaySandbox>();
        using var browser = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false }) { BaseAddress = address };

        using HttpResponseMessage bought = await browser.PostAsync("/orders", new FormUrlEncodedContent(new Dictionary<string, string> { ["amount"] = "1500.00" }));
        Assert.Equal(HttpStatusCode.Redirect, bought.StatusCode);
        Uri cardPage = bought.Headers.Location!;
        Assert.StartsWith(sandbox.BaseAddress + "pay/card/", cardPage.ToString());

        using HttpResponseMessage paid = await browser.PostAsync(new Uri(cardPage, cardPage.AbsolutePath + "/card"), new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["pan"] = "4405645000006150", ["expiry"] = "12/30", ["cvc"] = "123",
        }));
        Assert.Equal(HttpStatusCode.Redirect, paid.StatusCode);
        Uri back = paid.Headers.Location!;
        Assert.StartsWith(new Uri(address, "orders/SHOP-1").ToString(), back.ToString());

        SandboxPayment payment = sandbox.Payments.Single();
        await sandbox.WhenResultDeliveredAsync(payment.Id).WaitAsync(TimeSpan.FromSeconds(20));
        string order = await browser.GetStringAsync("/orders/SHOP-1");
        Assert.Contains("<p id=\"state\">Paid</p>", order);
        Assert.Contains("SHOP-1</a>: 1500.00 KZT, paid", await browser.GetStringAsync("/"));
        Assert.Contains(sandbox.ResultDeliveries.Single().Attempts, a => a.ReplyStatus == "ok" && a.ReplySignatureValid == true);
    }

    [Fact]
    public async Task A_malformed_amount_is_refused_with_a_clear_400()
    {
        await using WebApplication shop = await ShopApp.BuildAsync(new[] { "--urls", "http://127.0.0.1:0", "--environment", "Development" });
        await shop.StartAsync();
        var address = new Uri(shop.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First());
        using var browser = new HttpClient { BaseAddress = address };

        using HttpResponseMessage refused = await browser.PostAsync("/orders", new FormUrlEncodedContent(new Dictionary<string, string> { ["amount"] = "1,5" }));

        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Contains("positive number", await refused.Content.ReadAsStringAsync());
    }
}
