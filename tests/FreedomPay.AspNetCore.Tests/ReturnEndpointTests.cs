using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Net;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using FreedomPay.Callbacks;
using FreedomPay.Purchase;
using FreedomPay.Runtime;
using FreedomPay.Sandbox;
using FreedomPay.TestSupport;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace FreedomPay.AspNetCore.Tests;

/// <summary>
/// The buyer's Redirect back (reply kind none), mapped by MapFreedomPayCallbacks when the shop registers an
/// IFreedomPayReturnHandler: the sandbox's signed return reaches the handler, whose page the buyer sees; a forged or
/// altered return never does.
/// </summary>
public sealed class ReturnEndpointTests
{
    private static readonly HttpClient Browser = new(new SocketsHttpHandler { AllowAutoRedirect = false });

    [Fact]
    public async Task The_sandboxes_signed_return_reaches_the_handler_with_the_shops_own_parameters()
    {
        await using var sandbox = await FreedomPaySandbox.StartAsync();
        var handler = new ReturnPages();
        await using LoopbackApp app = await StartAsync(sandbox.Merchant.SecretKey, handler);
        using var client = new FreedomPayClient(new FreedomPayClientOptions { MerchantId = sandbox.Merchant.MerchantId, SecretKey = sandbox.Merchant.SecretKey, BaseAddress = sandbox.BaseAddress });
        InitResponse init = await client.Purchase.InitAsync(new InitRequest
        {
            OrderId = "R-9", Amount = 50m, Description = "Return", SuccessUrl = new Uri(app.BaseAddress, "freedompay/success").AbsoluteUri,
            ExtraParams = new Dictionary<string, string> { ["shop_cart"] = "cart-3" },
        });

        using HttpResponseMessage paid = await Browser.PostAsync(init.RedirectUrl + "/card", new FormUrlEncodedContent(new Dictionary<string, string> { ["pan"] = "4405645000006150", ["expiry"] = "12/40", ["cvc"] = "123" }));
        Uri back = paid.Headers.Location!;
        using HttpResponseMessage page = await Browser.GetAsync(back);
        using HttpResponseMessage altered = await Browser.GetAsync(back.AbsoluteUri.Replace("pg_order_id=R-9", "pg_order_id=R-10", StringComparison.Ordinal));

        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Equal("Thank you: order R-9 (payment " + init.PaymentId + ") is being confirmed.", await page.Content.ReadAsStringAsync());
        (RedirectBack seen, bool succeeded) = Assert.Single(handler.Returns);
        Assert.True(succeeded);
        Assert.Equal(("R-9", init.PaymentId, (long?)null), (seen.OrderId, seen.PaymentId, seen.ErrorCode));
        Assert.Equal("cart-3", seen.ExtraParams["shop_cart"]);
        Assert.Equal(HttpStatusCode.BadRequest, altered.StatusCode);
        Assert.Single(handler.Returns); // the altered return never reached it
        Assert.Equal(CallbackReplyKind.None, RedirectBack.ReplyKind);
    }

    [Fact]
    public async Task A_failure_return_carries_the_error_and_an_unsigned_one_is_refused()
    {
        const string secret = "merchant-secret";
        var handler = new ReturnPages();
        await using LoopbackApp app = await StartAsync(secret, handler);
        var fields = Signatures.Signed("failure", secret, ("pg_order_id", "F-1"), ("pg_payment_id", "77"), ("pg_error_code", "1000"), ("pg_error_description", "Internal service error"), ("pg_salt", "s1"));

        using HttpResponseMessage page = await Browser.PostAsync(new Uri(app.BaseAddress, "freedompay/failure"), new FormUrlEncodedContent(fields));
        using HttpResponseMessage unsigned = await Browser.GetAsync(new Uri(app.BaseAddress, "freedompay/failure?pg_order_id=F-1&pg_payment_id=77"));

        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        (RedirectBack seen, bool succeeded) = Assert.Single(handler.Returns);
        Assert.False(succeeded);
        Assert.Equal((1000L, "Internal service error"), (seen.ErrorCode!.Value, seen.ErrorDescription));
        Assert.Equal(HttpStatusCode.BadRequest, unsigned.StatusCode);
    }

    public static TheoryData<HostileCallback> Corpus()
    {
        var data = new TheoryData<HostileCallback>();
        foreach (HostileCallback item in HostileCorpus.Callbacks())
        {
            data.Add(item);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Corpus))]
    public async Task Every_hostile_return_is_a_400_page_and_never_reaches_the_handler(HostileCallback hostile)
    {
        var handler = new ReturnPages();
        await using LoopbackApp app = await StartAsync("merchant-secret", handler);
        using var content = new ByteArrayContent(hostile.Body);
        content.Headers.TryAddWithoutValidation("Content-Type", hostile.ContentType);

        using HttpResponseMessage response = await Browser.PostAsync(new Uri(app.BaseAddress, "freedompay/failure"), content);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.StartsWith("This return address is not validly signed", await response.Content.ReadAsStringAsync());
        Assert.Empty(handler.Returns);
    }

    [Fact]
    public async Task Without_a_return_handler_the_return_addresses_are_not_mapped()
    {
        await using var merchant = await MerchantApp.StartAsync("merchant-secret");

        using HttpResponseMessage response = await Browser.GetAsync(new Uri(merchant.BaseAddress, "freedompay/success"));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    private static Task<LoopbackApp> StartAsync(string secret, ReturnPages handler) => LoopbackApp.StartAsync(
        app => app.MapFreedomPayCallbacks("/freedompay", new FreedomPayCallbackOptions { SecretKey = secret }),
        services =>
        {
            services.AddSingleton<IFreedomPayCallbackHandler>(new RecordingHandler());
            services.AddSingleton<IFreedomPayReturnHandler>(handler);
        });

    /// <summary>The shop's return page: records what it was shown and thanks the buyer.</summary>
    private sealed class ReturnPages : IFreedomPayReturnHandler
    {
        public ConcurrentQueue<(RedirectBack Back, bool Succeeded)> Returns { get; } = new();

        public Task<IResult> OnReturnAsync(RedirectBack back, bool succeeded, CancellationToken cancellationToken)
        {
            Returns.Enqueue((back, succeeded));
            return Task.FromResult(Results.Text(succeeded
                ? $"Thank you: order {back.OrderId} (payment {back.PaymentId}) is being confirmed."
                : $"Order {back.OrderId} was not paid."));
        }
    }
}
