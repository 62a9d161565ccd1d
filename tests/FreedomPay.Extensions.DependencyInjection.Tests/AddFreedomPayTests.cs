using System.Collections.Generic;
using System.Threading.Tasks;
using FreedomPay.MobileBalance;
using FreedomPay.Sandbox;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace FreedomPay.Extensions.DependencyInjection.Tests;

/// <summary>services.AddFreedomPay(...) against a sandbox on loopback.</summary>
public sealed class AddFreedomPayTests
{
    [Fact]
    public async Task A_client_bound_from_configuration_calls_the_gateway()
    {
        await using var sandbox = await FreedomPaySandbox.StartAsync();
        IConfiguration configuration = Configuration(new()
        {
            ["FreedomPay:MerchantId"] = sandbox.Merchant.MerchantId,
            ["FreedomPay:SecretKey"] = sandbox.Merchant.SecretKey,
            ["FreedomPay:BaseAddress"] = sandbox.BaseAddress.ToString(),
            ["FreedomPay:Timeout"] = "00:00:20",
            ["FreedomPay:Retry:MaxAttempts"] = "2",
        });
        var services = new ServiceCollection();
        services.AddFreedomPay(configuration.GetSection("FreedomPay"));
        using ServiceProvider provider = services.BuildServiceProvider();
        provider.GetRequiredService<IStartupValidator>().Validate();

        FreedomPayClient client = provider.GetRequiredService<FreedomPayClient>();
        InitResponse init = await client.MobileBalance.InitAsync(new InitRequest { Amount = 1m, Description = "DI" });

        Assert.True(init.PaymentId > 0);
        FreedomPayClientOptions options = provider.GetRequiredService<IOptions<FreedomPayClientOptions>>().Value;
        Assert.Equal(System.TimeSpan.FromSeconds(20), options.Timeout);
        Assert.Equal(2, options.Retry.MaxAttempts);
        Assert.Same(client, provider.GetRequiredService<FreedomPayClient>());
    }

    [Theory]
    [InlineData("MerchantId", "FreedomPay:Shop:MerchantId must be the merchant id FreedomPay issued")]
    [InlineData("SecretKey", "FreedomPay:Shop:SecretKey is required")]
    public void A_missing_setting_fails_at_start_and_names_it(string missing, string expected)
    {
        var values = new Dictionary<string, string?> { ["FreedomPay:Shop:MerchantId"] = "54321", ["FreedomPay:Shop:SecretKey"] = "top-secret-value" };
        values.Remove("FreedomPay:Shop:" + missing);
        var services = new ServiceCollection();
        services.AddFreedomPay(Configuration(values).GetSection("FreedomPay:Shop"));
        using ServiceProvider provider = services.BuildServiceProvider();

        var ex = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IStartupValidator>().Validate());

        Assert.Contains(expected, ex.Message);
        Assert.DoesNotContain("top-secret-value", ex.Message);
    }

    [Fact]
    public async Task Keyed_clients_serve_several_merchants_in_one_process()
    {
        await using var sandbox = await FreedomPaySandbox.StartAsync(new FreedomPaySandboxOptions { Merchants = { new SandboxMerchant("77777", "second-merchant-secret") } });
        var services = new ServiceCollection();
        services.AddFreedomPay("shop", o => { o.MerchantId = sandbox.Merchants[0].MerchantId; o.SecretKey = sandbox.Merchants[0].SecretKey; o.BaseAddress = sandbox.BaseAddress; });
        services.AddFreedomPay("cafe", o => { o.MerchantId = "77777"; o.SecretKey = "second-merchant-secret"; o.BaseAddress = sandbox.BaseAddress; });
        using ServiceProvider provider = services.BuildServiceProvider();
        provider.GetRequiredService<IStartupValidator>().Validate();

        FreedomPayClient shop = provider.GetRequiredKeyedService<FreedomPayClient>("shop");
        FreedomPayClient cafe = provider.GetRequiredKeyedService<FreedomPayClient>("cafe");
        long shopPayment = (await shop.MobileBalance.InitAsync(new InitRequest { Amount = 1m, Description = "shop" })).PaymentId;
        long cafePayment = (await cafe.MobileBalance.InitAsync(new InitRequest { Amount = 2m, Description = "cafe" })).PaymentId;

        Assert.NotSame(shop, cafe);
        Assert.Equal(sandbox.Merchants[0].MerchantId, sandbox.FindPayment(shopPayment)!.MerchantId);
        Assert.Equal("77777", sandbox.FindPayment(cafePayment)!.MerchantId);
        // Each merchant sees only its own payments.
        await Assert.ThrowsAsync<FreedomPayGatewayException>(() => cafe.MobileBalance.StatusAsync(new StatusRequest { PaymentId = shopPayment }));
    }

    [Fact]
    public void A_malformed_setting_fails_at_start_and_names_it()
    {
        var services = new ServiceCollection();
        services.AddFreedomPay(Configuration(new() { ["FreedomPay:MerchantId"] = "1", ["FreedomPay:SecretKey"] = "s", ["FreedomPay:Retry:MaxDelay"] = "soon" }).GetSection("FreedomPay"));
        using ServiceProvider provider = services.BuildServiceProvider();

        var ex = Assert.ThrowsAny<System.Exception>(() => provider.GetRequiredService<IStartupValidator>().Validate());

        Assert.Contains("FreedomPay:Retry:MaxDelay must be a duration such as 00:00:30", ex.Message);
    }

    [Fact]
    public void A_code_configured_client_with_no_secret_fails_at_start()
    {
        var services = new ServiceCollection();
        services.AddFreedomPay(o => o.MerchantId = "54321");
        using ServiceProvider provider = services.BuildServiceProvider();

        var ex = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IStartupValidator>().Validate());

        Assert.Contains("FreedomPayClientOptions.SecretKey is required", ex.Message);
    }

    private static IConfiguration Configuration(Dictionary<string, string?> values) => new ConfigurationBuilder().AddInMemoryCollection(values).Build();
}
