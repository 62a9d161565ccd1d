using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using System.Xml.Linq;
using FreedomPay.AspNetCore.Redis;
using FreedomPay.TestSupport;
using Microsoft.Extensions.DependencyInjection;

namespace FreedomPay.AspNetCore.Tests;

/// <summary>
/// A callback's handler runs once per distinct content, whatever arrives at once: copies in one instance wait for
/// the first one's reply, copies on another instance find the claim in Redis and wait there; a handler that throws
/// lets the next repeat run it; a store that is down or hangs costs a callback at most one short timeout.
/// </summary>
public sealed class ExactlyOnceTests
{
    private const string Secret = "merchant-secret";

    [Fact]
    public async Task Twenty_identical_notifications_at_once_run_the_handler_once_and_get_one_answer()
    {
        await using var merchant = await MerchantApp.StartAsync(Secret);
        merchant.Handler.Delay = TimeSpan.FromMilliseconds(300);
        merchant.Handler.ResultDecision = _ => CallbackReply.Ok("recorded by run " + merchant.Handler.Results.Count);

        Reply[] replies = await Task.WhenAll(Enumerable.Range(0, 20).Select(i => PostAsync(merchant.ResultUrl, Notification("61", "1", "salt-" + i))));

        Assert.Single(merchant.Handler.Results);
        Assert.All(replies, r => Assert.Equal((HttpStatusCode.OK, "ok", "recorded by run 1"), (r.Status, r.PgStatus, r.Description)));
    }

    [RedisFact]
    public async Task Twenty_identical_notifications_split_over_two_instances_on_one_Redis_run_the_handler_once()
    {
        await using TwoInstances apps = await TwoInstances.StartAsync();
        var (first, second) = (apps.First, apps.Second);
        foreach (MerchantApp app in new[] { first, second })
        {
            app.Handler.Delay = TimeSpan.FromMilliseconds(300);
            MerchantApp self = app;
            app.Handler.ResultDecision = _ => CallbackReply.Ok("recorded by instance " + (self == first ? 1 : 2));
        }

        Reply[] replies = await Task.WhenAll(Enumerable.Range(0, 20).Select(i => PostAsync((i % 2 == 0 ? first : second).ResultUrl, Notification("62", "1", "salt-" + i))));

        Assert.Equal(3, first.Handler.Results.Count + second.Handler.Results.Count); // the two warm-up callbacks, then one
        Assert.All(replies, r => Assert.Equal((HttpStatusCode.OK, "ok"), (r.Status, r.PgStatus)));
        Assert.Single(replies.Select(r => r.Description).Distinct());
        Assert.All(replies, r => Signatures.AssertSigned(r.Xml!, "result", Secret));
    }

    [RedisFact]
    public async Task A_handler_that_throws_mid_way_releases_the_claim_and_the_next_repeat_runs_it_on_another_instance()
    {
        await using TwoInstances apps = await TwoInstances.StartAsync();
        var (first, second) = (apps.First, apps.Second);
        first.Handler.FailuresLeft = 1;

        Reply failed = await PostAsync(first.ResultUrl, Notification("63", "1", "f1"));
        Reply retried = await PostAsync(second.ResultUrl, Notification("63", "1", "f2"));
        Reply repeat = await PostAsync(first.ResultUrl, Notification("63", "1", "f3"));

        Assert.Equal(HttpStatusCode.InternalServerError, failed.Status);
        Assert.Equal((HttpStatusCode.OK, "ok"), (retried.Status, retried.PgStatus));
        Assert.Equal((HttpStatusCode.OK, retried.Description), (repeat.Status, repeat.Description));
        Assert.Equal(2, first.Handler.Results.Count); // its warm-up and the failed run
        Assert.Equal(2, second.Handler.Results.Count); // its warm-up and the retry
    }

    [Fact]
    public async Task Copies_waiting_on_a_handler_that_throws_are_told_to_retry_later_and_the_repeat_runs_it()
    {
        await using var merchant = await MerchantApp.StartAsync(Secret);
        merchant.Handler.Delay = TimeSpan.FromMilliseconds(300);
        merchant.Handler.FailuresLeft = 1;

        Reply[] replies = await Task.WhenAll(Enumerable.Range(0, 5).Select(i => PostAsync(merchant.ResultUrl, Notification("64", "1", "g" + i))));
        Reply repeat = await PostAsync(merchant.ResultUrl, Notification("64", "1", "g9"));

        Assert.Single(replies, r => r.Status == HttpStatusCode.InternalServerError);
        Assert.Equal(4, replies.Count(r => r.Status == HttpStatusCode.ServiceUnavailable && r.RetryAfter is not null));
        Assert.Equal((HttpStatusCode.OK, "ok"), (repeat.Status, repeat.PgStatus));
        Assert.Equal(2, merchant.Handler.Results.Count);
    }

    [Fact]
    public async Task A_store_that_hangs_costs_one_short_timeout_then_is_left_alone_and_counted()
    {
        var store = new HangingStore();
        using var failures = new StoreFailureCounter();
        var options = new FreedomPayCallbackOptions { SecretKey = Secret, StoreTimeout = TimeSpan.FromMilliseconds(100), StoreRetryAfter = TimeSpan.FromMinutes(1) };
        await using var merchant = await MerchantApp.StartAsync(options, s => s.AddSingleton<IFreedomPayCallbackStore>(store));

        var times = new List<TimeSpan>();
        for (int i = 0; i < 10; i++)
        {
            var watch = Stopwatch.StartNew();
            Reply reply = await PostAsync(merchant.ResultUrl, Notification("65" + i, "1", "h" + i));
            times.Add(watch.Elapsed);
            Assert.Equal((HttpStatusCode.OK, "ok"), (reply.Status, reply.PgStatus));
        }

        Reply repeat = await PostAsync(merchant.ResultUrl, Notification("650", "1", "h-repeat"));

        Assert.Equal(1, store.Claims); // then left alone for StoreRetryAfter
        Assert.InRange(store.Calls, 1, 2); // and at most one settle of that claim, in the background
        Assert.True(failures.Count >= 1);
        Assert.Equal(10, merchant.Handler.Results.Count); // the repeat was answered from this process's copy
        Assert.Equal(HttpStatusCode.OK, repeat.Status);
        Assert.True(times.Max() < TimeSpan.FromSeconds(5), "a callback waited " + times.Max());
    }

    [RedisFact]
    public async Task When_Redis_is_stopped_mid_run_every_callback_is_answered_without_waiting_for_the_reconnect()
    {
        RedisServer redis = await RedisServer.StartAsync();
        using var failures = new StoreFailureCounter();
        await using var merchant = await MerchantApp.StartAsync(new FreedomPayCallbackOptions { SecretKey = Secret }, s => s.AddFreedomPayRedisCallbackStore(redis.Configuration));
        merchant.Handler.Delay = TimeSpan.FromMilliseconds(20);

        var times = new List<TimeSpan>();
        async Task Batch(int from, int count, bool timed = true)
        {
            TimeSpan[] batch = await Task.WhenAll(Enumerable.Range(from, count).Select(async i =>
            {
                var watch = Stopwatch.StartNew();
                Reply reply = await PostAsync(merchant.ResultUrl, Notification("66" + (i / 2), "1", "k" + i)); // every callback twice
                Assert.Equal((HttpStatusCode.OK, "ok"), (reply.Status, reply.PgStatus));
                return watch.Elapsed;
            }));
            if (timed)
            {
                times.AddRange(batch);
            }
        }

        await Batch(0, 20, timed: false); // with Redis up; the first requests of a cold process are not what is measured
        Process.GetProcessById(redis.ProcessId).Kill();
        for (int from = 20; from < 100; from += 10)
        {
            await Batch(from, 10);
        }

        await redis.DisposeAsync();
        TimeSpan p99 = times.OrderBy(t => t).ElementAt((int)Math.Ceiling(times.Count * 0.99) - 1);
        // Before StoreTimeout a callback waited out StackExchange.Redis's reconnect (11-12 s). The bound tells the two
        // apart with room for a loaded CI machine (a p99 of 1.09 s was seen there); the p99 itself is a benchmark's
        // figure (tests/FreedomPay.Benchmarks/README.md), not this test's.
        Assert.True(p99 < TimeSpan.FromSeconds(5), "p99 " + p99);
        Assert.Equal(50, merchant.Handler.Results.Count); // each distinct callback once, Redis or not
        Assert.True(failures.Count >= 1);
    }

    /// <summary>Two instances of the merchant's app on one real Redis (started here), warmed up.</summary>
    private sealed class TwoInstances : IAsyncDisposable
    {
        private RedisServer _redis = null!;

        public MerchantApp First { get; private set; } = null!;

        public MerchantApp Second { get; private set; } = null!;

        public static async Task<TwoInstances> StartAsync()
        {
            var apps = new TwoInstances { _redis = await RedisServer.StartAsync() };
            void UseRedis(IServiceCollection services) => services.AddFreedomPayRedisCallbackStore(apps._redis.Configuration);
            // A store timeout far above loopback Redis's, so that a busy test machine is not taken for an outage (which
            // answers from each instance's own memory, as it should, but is not what these tests look at).
            var options = new FreedomPayCallbackOptions { SecretKey = Secret, StoreTimeout = TimeSpan.FromSeconds(5) };
            apps.First = await MerchantApp.StartAsync(options, UseRedis);
            apps.Second = await MerchantApp.StartAsync(options, UseRedis);
            await WarmUpAsync(apps.First, apps.Second);
            return apps;
        }

        public async ValueTask DisposeAsync()
        {
            await First.DisposeAsync();
            await Second.DisposeAsync();
            await _redis.DisposeAsync();
        }
    }

    /// <summary>
    /// One callback of its own to each instance first: a cold process (JIT, the first script sent to Redis) can take
    /// longer than StoreTimeout, and then answers without the store, as it should, but not what these tests look at.
    /// </summary>
    private static async Task WarmUpAsync(params MerchantApp[] apps)
    {
        for (int i = 0; i < apps.Length; i++)
        {
            Reply reply = await PostAsync(apps[i].ResultUrl, Notification("9" + i + Random.Shared.Next(100_000, 999_999), "1", "warm"));
            Assert.Equal(HttpStatusCode.OK, reply.Status);
        }
    }

    private static List<KeyValuePair<string, string>> Notification(string paymentId, string result, string salt) =>
        Signatures.Signed("result", Secret, ("pg_order_id", "O-" + paymentId), ("pg_payment_id", paymentId), ("pg_amount", "10"), ("pg_currency", "KZT"), ("pg_result", result), ("pg_salt", salt));

    private static async Task<Reply> PostAsync(Uri url, List<KeyValuePair<string, string>> fields)
    {
        using var http = new HttpClient();
        using HttpResponseMessage response = await http.PostAsync(url, new FormUrlEncodedContent(fields));
        string body = await response.Content.ReadAsStringAsync();
        XElement? xml = response.StatusCode == HttpStatusCode.OK ? XDocument.Parse(body).Root : null;
        return new Reply(response.StatusCode, xml, xml?.Element("pg_status")?.Value, xml?.Element("pg_description")?.Value, response.Headers.RetryAfter?.ToString());
    }

    private sealed record Reply(HttpStatusCode Status, XElement? Xml, string? PgStatus, string? Description, string? RetryAfter);

    /// <summary>A store whose calls never finish (a Redis that accepts connections and never answers).</summary>
    private sealed class HangingStore : IFreedomPayCallbackStore
    {
        private int _calls;
        private int _claims;

        public int Calls => _calls;

        public int Claims => _claims;

        public Task<CallbackClaim> ClaimAsync(string key, string owner, TimeSpan lease, CancellationToken cancellationToken)
        {
            Interlocked.Increment(ref _claims);
            return Hang<CallbackClaim>();
        }

        public Task CompleteAsync(string key, string owner, byte[] reply, TimeSpan rememberFor, CancellationToken cancellationToken) => Hang<bool>();

        public Task ReleaseAsync(string key, string owner, CancellationToken cancellationToken) => Hang<bool>();

        private Task<T> Hang<T>()
        {
            Interlocked.Increment(ref _calls);
            return new TaskCompletionSource<T>().Task;
        }
    }

    /// <summary>Counts freedompay.callback.store_failures while it lives.</summary>
    private sealed class StoreFailureCounter : IDisposable
    {
        private readonly MeterListener _listener = new();
        private long _count;

        public StoreFailureCounter()
        {
            _listener.InstrumentPublished = (instrument, listener) =>
            {
                if (instrument.Meter.Name == "FreedomPay.AspNetCore" && instrument.Name == "freedompay.callback.store_failures")
                {
                    listener.EnableMeasurementEvents(instrument);
                }
            };
            _listener.SetMeasurementEventCallback<long>((_, value, _, _) => Interlocked.Add(ref _count, value));
            _listener.Start();
        }

        public long Count => Interlocked.Read(ref _count);

        public void Dispose() => _listener.Dispose();
    }
}
