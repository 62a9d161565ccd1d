using System;
using System.Threading.Tasks;
using FreedomPay.MobileBalance;

namespace FreedomPay.Sandbox.BrowserTests.Infrastructure;

/// <summary>A sandbox, a shop that takes the buyer back and the Result notify, and a merchant's client.</summary>
public sealed class Scene : IAsyncDisposable
{
    private Scene(FreedomPaySandbox sandbox, TestShop shop, FreedomPayClient client)
    {
        Sandbox = sandbox;
        Shop = shop;
        Client = client;
    }

    public FreedomPaySandbox Sandbox { get; }

    public TestShop Shop { get; }

    public FreedomPayClient Client { get; }

    public static async Task<Scene> StartAsync()
    {
        FreedomPaySandbox sandbox = await FreedomPaySandbox.StartAsync();
        TestShop shop = await TestShop.StartAsync(sandbox.Merchant.SecretKey);
        var options = new FreedomPayClientOptions
        {
            MerchantId = sandbox.Merchant.MerchantId,
            SecretKey = sandbox.Merchant.SecretKey,
            BaseAddress = sandbox.BaseAddress,
        };
        options.SecretKeys["payout"] = sandbox.Merchant.SecretFor("payout")!;
        var client = new FreedomPayClient(options);
        return new Scene(sandbox, shop, client);
    }

    /// <summary>init as a shop that sends its buyer to the hosted page would call it.</summary>
    public Task<InitResponse> InitAsync(string orderId, decimal amount, string description, PageLanguage? language = null, RedirectMethod? returnMethod = null) =>
        Client.MobileBalance.InitAsync(new InitRequest
        {
            OrderId = orderId,
            Amount = amount,
            Currency = "KZT",
            Description = description,
            Language = language,
            SuccessUrl = Shop.SuccessUrl,
            FailureUrl = Shop.FailureUrl,
            SuccessUrlMethod = returnMethod,
            FailureUrlMethod = returnMethod,
            ResultUrl = Shop.ResultUrl,
        });

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await Shop.DisposeAsync();
        await Sandbox.DisposeAsync();
    }
}
