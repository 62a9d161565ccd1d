using System.Collections.Generic;
using System.Threading.Tasks;
using FreedomPay.MobileBalance;
using FreedomPay.Sandbox;
using FreedomPay.TestSupport;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
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

    [Fact]
    public async Task The_registered_client_never_follows_a_redirect_nor_re_sends_the_signed_request()
    {
        var received = new System.Collections.Concurrent.ConcurrentBag<string>();
        await using LoopbackApp elsewhere = await LoopbackApp.StartAsync(app => app.MapPost("/{**path}", (HttpContext c) => { received.Add(c.Request.Path.ToString()); return "collected"; }));
        await using LoopbackApp gateway = await LoopbackApp.StartAsync(app => app.MapPost("/{**path}", (HttpContext c) =>
        {
            c.Response.StatusCode = 308;
            c.Response.Headers.Location = new System.Uri(elsewhere.BaseAddress, "collect").AbsoluteUri;
        }));
        var services = new ServiceCollection();
        services.AddFreedomPay(o => { o.MerchantId = "54321"; o.SecretKey = "secret"; o.BaseAddress = gateway.BaseAddress; o.MaxReplyBytes = 64 * 1024; });
        using ServiceProvider provider = services.BuildServiceProvider();
        FreedomPayClient client = provider.GetRequiredService<FreedomPayClient>();

        var ex = await Assert.ThrowsAsync<FreedomPayOutcomeUnknownException>(() => client.MobileBalance.ApproveAsync(new ApproveRequest { PaymentId = 1, ApprovalCode = "111111" }));

        Assert.Equal(308, ex.HttpStatusCode);
        Assert.Empty(received);
    }

    [Fact]
    public void MaxReplyBytes_is_read_from_configuration()
    {
        var services = new ServiceCollection();
        services.AddFreedomPay(Configuration(new() { ["F:MerchantId"] = "1", ["F:SecretKey"] = "s", ["F:MaxReplyBytes"] = "65536" }).GetSection("F"));
        using ServiceProvider provider = services.BuildServiceProvider();

        Assert.Equal(65536, provider.GetRequiredService<IOptions<FreedomPayClientOptions>>().Value.MaxReplyBytes);
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
    public async Task Keyed_clients_from_configuration_sign_payouts_with_their_own_payout_keys()
    {
        var cafeMerchant = new SandboxMerchant("77777", "second-merchant-secret") { SecretKeys = new Dictionary<string, string> { ["payout"] = "cafe-payout-key" } };
        await using var sandbox = await FreedomPaySandbox.StartAsync(new FreedomPaySandboxOptions { Merchants = { cafeMerchant } });
        IConfiguration configuration = Configuration(new()
        {
            ["Shop:MerchantId"] = sandbox.Merchants[0].MerchantId,
            ["Shop:SecretKey"] = sandbox.Merchants[0].SecretKey,
            ["Shop:SecretKeys:payout"] = sandbox.Merchants[0].SecretFor("payout"),
            ["Shop:BaseAddress"] = sandbox.BaseAddress.ToString(),
            ["Cafe:MerchantId"] = "77777",
            ["Cafe:SecretKey"] = "second-merchant-secret",
            ["Cafe:SecretKeys:payout"] = "cafe-payout-key",
            ["Cafe:BaseAddress"] = sandbox.BaseAddress.ToString(),
            ["Mixed:MerchantId"] = "77777",
            ["Mixed:SecretKey"] = "second-merchant-secret",
            ["Mixed:SecretKeys:payout"] = sandbox.Merchants[0].SecretFor("payout"), // the other merchant's payout key
            ["Mixed:BaseAddress"] = sandbox.BaseAddress.ToString(),
        });
        var services = new ServiceCollection();
        services.AddFreedomPay("shop", configuration.GetSection("Shop"));
        services.AddFreedomPay("cafe", configuration.GetSection("Cafe"));
        services.AddFreedomPay("mixed", configuration.GetSection("Mixed"));
        using ServiceProvider provider = services.BuildServiceProvider();
        provider.GetRequiredService<IStartupValidator>().Validate();

        Payouts.BalanceResponse shop = await provider.GetRequiredKeyedService<FreedomPayClient>("shop").Payouts.BalanceAsync(new Payouts.BalanceRequest());
        Payouts.BalanceResponse cafe = await provider.GetRequiredKeyedService<FreedomPayClient>("cafe").Payouts.BalanceAsync(new Payouts.BalanceRequest());
        // The gateway refuses the wrong key and signs its refusal with the right one, which this client cannot verify.
        var mixed = await Assert.ThrowsAsync<FreedomPaySignatureException>(() => provider.GetRequiredKeyedService<FreedomPayClient>("mixed").Payouts.BalanceAsync(new Payouts.BalanceRequest()));

        Assert.Equal((0m, 0m), (shop.Balance, cafe.Balance));
        Assert.Contains("Payouts.Balance", mixed.Message);
        Assert.DoesNotContain("cafe-payout-key", provider.GetRequiredKeyedService<FreedomPayClient>("cafe").ToString() + provider.GetRequiredService<IOptionsMonitor<FreedomPayClientOptions>>().Get("cafe"));
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
