using System;
using System.Collections.Concurrent;
using System.Linq;
using System.Net;
using System.Threading;
using System.Threading.Tasks;
using FreedomPay.Callbacks;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace FreedomPay.AspNetCore.Tests;

/// <summary>A merchant's web app on a free loopback port, with the callback endpoints and a recording handler.</summary>
internal sealed class MerchantApp : IAsyncDisposable
{
    private readonly WebApplication _app;

    private MerchantApp(WebApplication app, RecordingHandler handler, Uri baseAddress)
    {
        _app = app;
        Handler = handler;
        BaseAddress = baseAddress;
    }

    public RecordingHandler Handler { get; }

    public Uri BaseAddress { get; }

    public Uri ResultUrl => new(BaseAddress, "freedompay/result");

    public Uri CheckUrl => new(BaseAddress, "freedompay/check");

    public static async Task<MerchantApp> StartAsync(string secretKey)
    {
        WebApplicationBuilder builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(k => k.Listen(IPAddress.Loopback, 0));
        var handler = new RecordingHandler();
        builder.Services.AddSingleton<IFreedomPayCallbackHandler>(handler);
        WebApplication app = builder.Build();
        app.MapFreedomPayCallbacks("/freedompay", new FreedomPayCallbackOptions { SecretKey = secretKey });
        await app.StartAsync();
        string address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return new MerchantApp(app, handler, new Uri(address.TrimEnd('/') + "/"));
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}

/// <summary>Records what it is asked and answers as the test says.</summary>
internal sealed class RecordingHandler : IFreedomPayCallbackHandler
{
    public ConcurrentQueue<ResultNotification> Results { get; } = new();

    public ConcurrentQueue<CheckRequest> Checks { get; } = new();

    public Func<CheckRequest, CallbackReply> CheckDecision { get; set; } = _ => CallbackReply.Ok();

    public Task<CallbackReply> OnResultAsync(ResultNotification notification, CancellationToken cancellationToken)
    {
        Results.Enqueue(notification);
        return Task.FromResult(CallbackReply.Ok("Order " + notification.OrderId + " recorded"));
    }

    public Task<CallbackReply> OnCheckAsync(CheckRequest request, CancellationToken cancellationToken)
    {
        Checks.Enqueue(request);
        return Task.FromResult(CheckDecision(request));
    }
}
