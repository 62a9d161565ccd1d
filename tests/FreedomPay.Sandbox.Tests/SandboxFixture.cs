using System;
using System.Threading.Tasks;
using FreedomPay.MobileBalance;
using Microsoft.Extensions.Time.Testing;

namespace FreedomPay.Sandbox.Tests;

/// <summary>A sandbox on a free loopback port with a fake clock, and a client pointed at it.</summary>
internal sealed class SandboxFixture : IAsyncDisposable
{
    private SandboxFixture(FreedomPaySandbox sandbox, FakeTimeProvider clock)
    {
        Sandbox = sandbox;
        Clock = clock;
        Client = NewClient(sandbox.Merchant.MerchantId, sandbox.Merchant.SecretKey, payoutKey: sandbox.Merchant.SecretFor("payout"));
    }

    public FreedomPaySandbox Sandbox { get; }

    public FakeTimeProvider Clock { get; }

    public FreedomPayClient Client { get; }

    public MobileBalanceClient Mobile => Client.MobileBalance;

    public static async Task<SandboxFixture> StartAsync(Action<FreedomPaySandboxOptions>? configure = null)
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 11, 25, 12, 0, 0, TimeSpan.Zero));
        var options = new FreedomPaySandboxOptions { TimeProvider = clock };
        configure?.Invoke(options);
        return new SandboxFixture(await FreedomPaySandbox.StartAsync(options), clock);
    }

    public FreedomPayClient NewClient(string merchantId, string secret, TimeSpan? timeout = null, string? payoutKey = null)
    {
        var options = new FreedomPayClientOptions
        {
            MerchantId = merchantId, SecretKey = secret, BaseAddress = Sandbox.BaseAddress, Timeout = timeout ?? TimeSpan.FromSeconds(30),
        };
        if (payoutKey is not null)
        {
            options.SecretKeys["payout"] = payoutKey;
        }

        return new FreedomPayClient(options);
    }

    /// <summary>Init with the given amount (and optional result URL); returns the payment id.</summary>
    public async Task<long> InitAsync(decimal amount = 150.50m, string? resultUrl = null, string? idempotencyKey = null)
    {
        InitResponse init = await Mobile.InitAsync(new InitRequest
        {
            OrderId = "A-" + Guid.NewGuid().ToString("N")[..8], Amount = amount, Currency = "KZT", Description = "Top-up",
            ResultUrl = resultUrl, IdempotencyKey = idempotencyKey,
        });
        return init.PaymentId;
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await Sandbox.DisposeAsync();
    }
}
