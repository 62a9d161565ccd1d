using System;
using System.Net.Http;
using FreedomPay.TestSupport;

namespace FreedomPay.Client.Tests.Infrastructure;

/// <summary>A FreedomPayClient wired to an in-memory <see cref="FakeGateway"/> (no network).</summary>
internal sealed class TestClient : IDisposable
{
    public static readonly Uri BaseAddress = new("https://gateway.test/");

    public TestClient(Action<FreedomPayClientOptions>? configure = null)
    {
        var options = new FreedomPayClientOptions { MerchantId = FakeGateway.MerchantId, SecretKey = FakeGateway.Secret, BaseAddress = BaseAddress };
        configure?.Invoke(options);
        Client = new FreedomPayClient(new HttpClient(Gateway), options);
    }

    public FakeGateway Gateway { get; } = new();

    public FreedomPayClient Client { get; }

    public void Dispose() => Client.Dispose();
}
