using System;
using System.Collections.Concurrent;
using System.Threading;
using System.Threading.Tasks;
using FreedomPay.Callbacks;
using FreedomPay.TestSupport;
using Microsoft.Extensions.DependencyInjection;

namespace FreedomPay.AspNetCore.Tests;

/// <summary>A merchant's web app on a free loopback port, with the callback endpoints and a recording handler.</summary>
internal sealed class MerchantApp : IAsyncDisposable
{
    private readonly LoopbackApp _app;

    private MerchantApp(LoopbackApp app, RecordingHandler handler)
    {
        _app = app;
        Handler = handler;
    }

    public RecordingHandler Handler { get; }

    public Uri BaseAddress => _app.BaseAddress;

    public Uri ResultUrl => new(BaseAddress, "freedompay/result");

    public Uri CheckUrl => new(BaseAddress, "freedompay/check");

    public static async Task<MerchantApp> StartAsync(string secretKey)
    {
        var handler = new RecordingHandler();
        LoopbackApp app = await LoopbackApp.StartAsync(
            app => app.MapFreedomPayCallbacks("/freedompay", new FreedomPayCallbackOptions { SecretKey = secretKey }),
            services => services.AddSingleton<IFreedomPayCallbackHandler>(handler));
        return new MerchantApp(app, handler);
    }

    public ValueTask DisposeAsync() => _app.DisposeAsync();
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
