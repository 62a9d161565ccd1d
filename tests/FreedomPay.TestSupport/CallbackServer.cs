using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Linq;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace FreedomPay.TestSupport;

/// <summary>
/// A merchant's server for callbacks (Result notify), on a free 127.0.0.1 port the test owns. It records each
/// request's form or query fields and answers with what the test says (default: HTTP 200, empty body).
/// </summary>
public sealed class CallbackServer : IAsyncDisposable
{
    private readonly ConcurrentQueue<IReadOnlyList<KeyValuePair<string, string>>> _received = new();
    private readonly System.Threading.SemaphoreSlim _arrived = new(0);
    private LoopbackApp _app = null!;

    private CallbackServer()
    {
    }

    public Uri BaseAddress => _app.BaseAddress;

    /// <summary>Answers a callback: status code and body. Called with the zero-based number of the call.</summary>
    public Func<int, IReadOnlyList<KeyValuePair<string, string>>, (int Status, string Body)> Respond { get; set; } = (_, _) => (200, string.Empty);

    public IReadOnlyList<IReadOnlyList<KeyValuePair<string, string>>> Received => _received.ToArray();

    public static async Task<CallbackServer> StartAsync()
    {
        var server = new CallbackServer();
        server._app = await LoopbackApp.StartAsync(app => app.Map("/{**path}", async (HttpContext context) =>
        {
            var fields = new List<KeyValuePair<string, string>>();
            var source = context.Request.HasFormContentType
                ? (await context.Request.ReadFormAsync()).SelectMany(p => p.Value.Select(v => new KeyValuePair<string, string>(p.Key, v ?? string.Empty)))
                : context.Request.Query.SelectMany(p => p.Value.Select(v => new KeyValuePair<string, string>(p.Key, v ?? string.Empty)));
            fields.AddRange(source);
            int number = server._received.Count;
            server._received.Enqueue(fields);
            server._arrived.Release();
            var (status, body) = server.Respond(number, fields);
            context.Response.StatusCode = status;
            context.Response.ContentType = "application/xml; charset=utf-8";
            await context.Response.WriteAsync(body);
        }));
        return server;
    }

    /// <summary>Waits, woken by each arrival, until at least <paramref name="count"/> callbacks arrived (or fails after the timeout).</summary>
    public async Task WaitForAsync(int count, TimeSpan? timeout = null)
    {
        DateTime until = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(60));
        while (_received.Count < count)
        {
            TimeSpan left = until - DateTime.UtcNow;
            if (left <= TimeSpan.Zero || !await _arrived.WaitAsync(left))
            {
                throw new TimeoutException($"expected {count} callbacks, received {_received.Count}");
            }
        }
    }

    public ValueTask DisposeAsync() => _app.DisposeAsync();
}
