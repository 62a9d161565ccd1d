using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Net;
using System.Threading.Tasks;
using FreedomPay.AspNetCore;
using FreedomPay.Purchase;
using FreedomPay.Sandbox;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace FreedomPay.SampleShop;

/// <summary>
/// The shop: a page with its orders and a "Buy" form; buying creates an order and sends the buyer to FreedomPay's
/// card page (Purchase init); FreedomPay's callbacks (Check, Result notify) update the order. In Development, with
/// no gateway configured, an embedded sandbox plays FreedomPay: no account, no network.
/// </summary>
public static class ShopApp
{
    public static async Task<WebApplication> BuildAsync(string[] args)
    {
        WebApplicationBuilder builder = WebApplication.CreateBuilder(args);
        FreedomPaySandbox? sandbox = null;
        if (builder.Environment.IsDevelopment() && builder.Configuration["FreedomPay:BaseAddress"] is null)
        {
            sandbox = await FreedomPaySandbox.StartAsync();
            builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["FreedomPay:BaseAddress"] = sandbox.BaseAddress.ToString(),
                ["FreedomPay:MerchantId"] = sandbox.Merchant.MerchantId,
                ["FreedomPay:SecretKey"] = sandbox.Merchant.SecretKey,
            });
            builder.Services.AddSingleton(_ => sandbox); // created by a factory: the container disposes it with the app
        }

        builder.Services.AddFreedomPay(builder.Configuration.GetSection("FreedomPay"));
        builder.Services.AddSingleton<Orders>();
        builder.Services.AddScoped<IFreedomPayCallbackHandler, ShopCallbacks>();
        WebApplication app = builder.Build();

        app.MapFreedomPayCallbacks("/freedompay", new FreedomPayCallbackOptions { SecretKey = builder.Configuration["FreedomPay:SecretKey"]! });
        app.MapGet("/", (Orders orders) => Page(orders));
        app.MapPost("/orders", BuyAsync);
        app.MapGet("/orders/{id}", (string id, Orders orders) => orders.Find(id) is { } order ? Results.Content(OrderPage(order), "text/html; charset=utf-8") : Results.NotFound());
        return app;
    }

    /// <summary>Creates the order and sends the buyer to FreedomPay's card page; the callbacks come back to this app.</summary>
    private static async Task<IResult> BuyAsync(HttpRequest request, Orders orders, FreedomPayClient client, IServer server)
    {
        IFormCollection form = await request.ReadFormAsync();
        if (!decimal.TryParse(form["amount"], NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out decimal amount) || amount <= 0)
        {
            return Results.BadRequest("The amount must be a positive number, with '.' as the decimal separator.");
        }

        Order order = orders.Create(amount, "Sample shop order");
        string shop = ShopAddress(request, server);
        InitResponse init = await client.Purchase.InitAsync(new InitRequest
        {
            OrderId = order.Id,
            Amount = order.Amount,
            Currency = "KZT",
            Description = order.Description,
            Language = PageLanguage.English,
            CheckUrl = shop + "freedompay/check",
            ResultUrl = shop + "freedompay/result",
            SuccessUrl = shop + "orders/" + order.Id,
            FailureUrl = shop + "orders/" + order.Id,
        });
        order.PaymentId = init.PaymentId;
        return Results.Redirect(init.RedirectUrl!);
    }

    /// <summary>Where FreedomPay reaches the shop: the address the request came to (a real shop configures its public URL).</summary>
    private static string ShopAddress(HttpRequest request, IServer server) =>
        server.Features.Get<IServerAddressesFeature>()?.Addresses.FirstOrDefault(a => a.StartsWith("http://127.0.0.1", StringComparison.Ordinal)) is { } local
            ? local.TrimEnd('/') + "/"
            : $"{request.Scheme}://{request.Host}/";

    private static IResult Page(Orders orders)
    {
        string rows = string.Concat(orders.All.OrderBy(o => o.Id, StringComparer.Ordinal).Select(o =>
            $"<li><a href=\"/orders/{WebUtility.HtmlEncode(o.Id)}\">{WebUtility.HtmlEncode(o.Id)}</a>: {o.Amount.ToString("0.00", CultureInfo.InvariantCulture)} KZT, {(o.Paid ? "paid" : "waiting")}</li>"));
        return Results.Content($"""
            <!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>Sample shop</title></head><body>
            <h1>Sample shop</h1>
            <form method="post" action="/orders"><label for="amount">Amount, KZT</label> <input id="amount" name="amount" value="1500.00"> <button type="submit">Buy</button></form>
            <ul>{rows}</ul>
            </body></html>
            """, "text/html; charset=utf-8");
    }

    private static string OrderPage(Order order) => $"""
        <!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>Order {WebUtility.HtmlEncode(order.Id)}</title></head><body>
        <h1>Order {WebUtility.HtmlEncode(order.Id)}</h1>
        <p id="state">{(order.Paid ? "Paid" : order.FailureReason is { } reason ? "Not paid: " + WebUtility.HtmlEncode(reason) : "Waiting for the payment")}</p>
        <p><a href="/">Back to the shop</a></p>
        </body></html>
        """;
}
