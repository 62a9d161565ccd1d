using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Linq;
using System.Net;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Builder;
using FreedomPay.TestSupport;
using Microsoft.AspNetCore.Http;

namespace FreedomPay.Sandbox.BrowserTests.Infrastructure;

/// <summary>A buyer's return to the shop: how it arrived and with which fields.</summary>
public sealed record ShopReturn(string Outcome, string Method, IReadOnlyDictionary<string, string> Fields);

/// <summary>
/// The merchant's site on a loopback port the test owns: the pages the buyer returns to
/// (<c>/return/success</c>, <c>/return/failure</c>, GET or POST) and the Result notify endpoint (<c>/result</c>),
/// which answers a signed <c>ok</c> as a merchant should.
/// </summary>
public sealed class TestShop : IAsyncDisposable
{
    private readonly ConcurrentQueue<ShopReturn> _returns = new();
    private readonly ConcurrentQueue<IReadOnlyDictionary<string, string>> _results = new();
    private readonly ConcurrentDictionary<string, TaskCompletionSource<IReadOnlyDictionary<string, string>>> _resultArrived = new();
    private LoopbackApp _app = null!;

    private TestShop()
    {
    }

    public Uri BaseAddress => _app.BaseAddress;

    public string SuccessUrl => new Uri(BaseAddress, "return/success").AbsoluteUri;

    public string FailureUrl => new Uri(BaseAddress, "return/failure").AbsoluteUri;

    public string ResultUrl => new Uri(BaseAddress, "result").AbsoluteUri;

    public IReadOnlyList<ShopReturn> Returns => _returns.ToArray();

    public IReadOnlyList<IReadOnlyDictionary<string, string>> Results => _results.ToArray();

    public static async Task<TestShop> StartAsync(string secretKey)
    {
        var shop = new TestShop();
        shop._app = await LoopbackApp.StartAsync(app => Map(app, shop, secretKey));
        return shop;
    }

    private static void Map(WebApplication app, TestShop shop, string secretKey)
    {
        app.MapMethods("/return/{outcome}", new[] { "GET", "POST" }, async (string outcome, HttpRequest request) =>
        {
            var fields = await FieldsAsync(request);
            shop._returns.Enqueue(new ShopReturn(outcome, request.Method, fields));
            string order = fields.TryGetValue("pg_order_id", out string? id) ? id : "?";
            return Microsoft.AspNetCore.Http.Results.Content(
                $"<!DOCTYPE html><html lang=\"en\"><head><title>Test shop</title></head><body><main><h1>Test shop: {outcome}</h1><p>Order {WebUtility.HtmlEncode(order)}</p></main></body></html>",
                "text/html; charset=utf-8");
        });
        app.MapPost("/result", async (HttpRequest request) =>
        {
            var fields = await FieldsAsync(request);
            shop._results.Enqueue(fields);
            if (fields.TryGetValue("pg_payment_id", out string? paymentId))
            {
                shop.ResultSignal(paymentId).TrySetResult(fields);
            }

            return Microsoft.AspNetCore.Http.Results.Content(CallbackReply.Ok().ToXml("result", secretKey), "application/xml; charset=utf-8");
        });
    }

    /// <summary>The Result notify of a payment, as soon as the shop receives it (the sandbox sends it in the background).</summary>
    public Task<IReadOnlyDictionary<string, string>> WaitForResultAsync(long paymentId) =>
        ResultSignal(paymentId.ToString(System.Globalization.CultureInfo.InvariantCulture)).Task.WaitAsync(TimeSpan.FromMilliseconds(BrowserFixture.StateTimeoutMs));

    public ValueTask DisposeAsync() => _app.DisposeAsync();

    private TaskCompletionSource<IReadOnlyDictionary<string, string>> ResultSignal(string paymentId) =>
        _resultArrived.GetOrAdd(paymentId, _ => new TaskCompletionSource<IReadOnlyDictionary<string, string>>(TaskCreationOptions.RunContinuationsAsynchronously));

    private static async Task<IReadOnlyDictionary<string, string>> FieldsAsync(HttpRequest request)
    {
        IEnumerable<KeyValuePair<string, Microsoft.Extensions.Primitives.StringValues>> source = request.HasFormContentType
            ? await request.ReadFormAsync()
            : request.Query;
        return source.ToDictionary(p => p.Key, p => p.Value.ToString());
    }
}
