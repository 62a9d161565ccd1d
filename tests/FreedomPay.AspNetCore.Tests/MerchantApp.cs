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

    public static Task<MerchantApp> StartAsync(string secretKey) =>
        StartAsync(new FreedomPayCallbackOptions { SecretKey = secretKey });

    /// <summary>An app with these endpoint options and, optionally, services of its own (e.g. a distributed cache).</summary>
    public static async Task<MerchantApp> StartAsync(FreedomPayCallbackOptions options, Action<IServiceCollection>? services = null, RecordingHandler? handler = null)
    {
        handler ??= new RecordingHandler();
        RecordingHandler registered = handler;
        LoopbackApp app = await LoopbackApp.StartAsync(
            app => app.MapFreedomPayCallbacks("/freedompay", options),
            s =>
            {
                s.AddSingleton<IFreedomPayCallbackHandler>(registered);
                services?.Invoke(s);
            });
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

    /// <summary>The Result notify answer; by default ok, naming the order and the result it was told.</summary>
    public Func<ResultNotification, CallbackReply> ResultDecision { get; set; } =
        n => CallbackReply.Ok("Order " + n.OrderId + " recorded" + (n.Result == 1 ? string.Empty : " as not paid"));

    /// <summary>How long each Result notify takes to handle (a shop writing to its database).</summary>
    public TimeSpan Delay { get; set; }

    /// <summary>How many of the next Result notifications throw mid-way, as a shop whose database went away.</summary>
    public int FailuresLeft;

    public async Task<CallbackReply> OnResultAsync(ResultNotification notification, CancellationToken cancellationToken)
    {
        Results.Enqueue(notification);
        if (Delay > TimeSpan.Zero)
        {
            await Task.Delay(Delay, CancellationToken.None);
        }

        if (Interlocked.Decrement(ref FailuresLeft) >= 0)
        {
            throw new InvalidOperationException("The shop's database is down.");
        }

        return ResultDecision(notification);
    }

    public Task<CallbackReply> OnCheckAsync(CheckRequest request, CancellationToken cancellationToken)
    {
        Checks.Enqueue(request);
        return Task.FromResult(CheckDecision(request));
    }
}
