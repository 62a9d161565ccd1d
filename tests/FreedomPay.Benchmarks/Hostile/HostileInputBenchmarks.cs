using System;
using System.Collections.Generic;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Threading;
using System.Threading.Tasks;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using FreedomPay.AspNetCore;
using FreedomPay.Benchmarks.Client;
using FreedomPay.Callbacks;
using FreedomPay.MobileBalance;
using FreedomPay.TestSupport;
using Microsoft.Extensions.DependencyInjection;

namespace FreedomPay.Benchmarks.Hostile;

/// <summary>
/// What refusing hostile input costs, against handling a genuine message in the same run: 1 MB hostile replies
/// through the whole client (against a genuine status reply), 1 MB and deeply nested callbacks posted to the
/// endpoints over loopback (against a genuine Result notify), and a signed reply just under the reply cap, whose
/// allocations are compared with the cap.
/// </summary>
[MemoryDiagnoser]
[GroupBenchmarksBy(BenchmarkLogicalGroupRule.ByCategory)]
[CategoriesColumn]
public class HostileInputBenchmarks
{
    /// <summary>The reply cap the "at the cap" benchmark runs with (the client's default).</summary>
    public const int Cap = FreedomPayClientOptions.DefaultMaxReplyBytes;

    private const string Secret = "benchmark-secret";

    private readonly StatusRequest _status = new() { PaymentId = 987654321 };
    private FreedomPayClient _genuine = null!;
    private FreedomPayClient _reverseSiblings = null!;
    private FreedomPayClient _deepNesting = null!;
    private FreedomPayClient _alternatingText = null!;
    private FreedomPayClient _atTheCap = null!;
    private LoopbackApp _merchant = null!;
    private HttpClient _http = null!;
    private Uri _resultUrl = null!;
    private byte[] _genuineCallback = null!;
    private byte[] _hostileCallback = null!;
    private byte[] _deepCallback = null!;

    [GlobalSetup]
    public void Setup()
    {
        _genuine = Client(StatusReply(("pg_payment_status", "success")));
        _reverseSiblings = Client(HostileCorpus.ReverseSiblings("response", HostileCorpus.Megabyte));
        _deepNesting = Client(HostileCorpus.Nested("response", 100_000));
        _alternatingText = Client(HostileCorpus.AlternatingText("response", HostileCorpus.Megabyte));
        _atTheCap = Client(StatusReply(("pg_note", new string('n', Cap - 1024))));

        _merchant = LoopbackApp.StartAsync(
            app => app.MapFreedomPayCallbacks("/freedompay", new FreedomPayCallbackOptions { SecretKey = Secret, RememberReplies = false }),
            services => services.AddSingleton<IFreedomPayCallbackHandler, AcceptEverything>()).GetAwaiter().GetResult();
        _resultUrl = new Uri(_merchant.BaseAddress, "freedompay/result");
        _http = new HttpClient();
        var fields = new List<KeyValuePair<string, string>>
        {
            new("pg_order_id", "B-1"), new("pg_payment_id", "42"), new("pg_amount", "500"), new("pg_currency", "KZT"), new("pg_result", "1"), new("pg_salt", "s1"),
        };
        fields.Add(new("pg_sig", PgSignature.Compute("result", fields, Secret)));
        _genuineCallback = HostileCorpus.Utf8(string.Join("&", fields.Select(f => f.Key + "=" + Uri.EscapeDataString(f.Value))));
        _hostileCallback = HostileCorpus.ReverseSiblings("request", HostileCorpus.Megabyte);
        _deepCallback = HostileCorpus.Nested("request", 8_000);
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _http.Dispose();
        _merchant.DisposeAsync().AsTask().GetAwaiter().GetResult();
        foreach (FreedomPayClient client in new[] { _genuine, _reverseSiblings, _deepNesting, _alternatingText, _atTheCap })
        {
            client.Dispose();
        }
    }

    [Benchmark(Baseline = true, Description = "genuine status reply")]
    [BenchmarkCategory("reply")]
    public async Task<long> GenuineReply() => (await _genuine.MobileBalance.StatusAsync(_status)).PaymentId;

    [Benchmark(Description = "1 MB of siblings in reverse order")]
    [BenchmarkCategory("reply")]
    public Task<string> ReverseSiblingsReply() => Refused(_reverseSiblings);

    [Benchmark(Description = "100k nested elements")]
    [BenchmarkCategory("reply")]
    public Task<string> DeepNestingReply() => Refused(_deepNesting);

    [Benchmark(Description = "1 MB of text and CDATA nodes")]
    [BenchmarkCategory("reply")]
    public Task<string> AlternatingTextReply() => Refused(_alternatingText);

    [Benchmark(Description = "signed reply just under the 4 MiB cap")]
    [BenchmarkCategory("reply")]
    public async Task<long> ReplyAtTheCap() => (await _atTheCap.MobileBalance.StatusAsync(_status)).PaymentId;

    [Benchmark(Baseline = true, Description = "genuine Result notify")]
    [BenchmarkCategory("callback")]
    public Task<int> GenuineCallback() => PostAsync(_genuineCallback, "application/x-www-form-urlencoded");

    [Benchmark(Description = "1 MB XML callback")]
    [BenchmarkCategory("callback")]
    public Task<int> HostileCallback() => PostAsync(_hostileCallback, "application/xml");

    [Benchmark(Description = "8k nested elements (under the size cap)")]
    [BenchmarkCategory("callback")]
    public Task<int> DeepCallback() => PostAsync(_deepCallback, "application/xml");

    private async Task<string> Refused(FreedomPayClient client)
    {
        try
        {
            await client.MobileBalance.StatusAsync(_status);
            throw new InvalidOperationException("a hostile reply was accepted");
        }
        catch (FreedomPayException ex)
        {
            return ex.GetType().Name;
        }
    }

    private async Task<int> PostAsync(byte[] body, string contentType)
    {
        var content = new ByteArrayContent(body);
        content.Headers.ContentType = new MediaTypeHeaderValue(contentType);
        using HttpResponseMessage response = await _http.PostAsync(_resultUrl, content);
        string reply = await response.Content.ReadAsStringAsync();
        return response.StatusCode == HttpStatusCode.OK && reply.Contains("<pg_sig>", StringComparison.Ordinal) ? reply.Length : throw new InvalidOperationException("no signed reply: " + reply);
    }

    private static FreedomPayClient Client(byte[] reply) =>
        new(new HttpClient(new FixedReply(reply)), new FreedomPayClientOptions { MerchantId = CannedGateway.MerchantId, SecretKey = Secret, BaseAddress = new Uri("https://gateway.test/"), Retry = new FreedomPayRetryOptions { MaxAttempts = 1 } });

    private static byte[] StatusReply(params (string Name, string Value)[] extra)
    {
        var fields = new List<KeyValuePair<string, string>> { new("pg_status", "ok"), new("pg_payment_id", "987654321") };
        fields.AddRange(extra.Select(e => new KeyValuePair<string, string>(e.Name, e.Value)));
        fields.Add(new("pg_salt", "Xy12abcd"));
        fields.Add(new("pg_sig", PgSignature.Compute("get_status3.php", fields, Secret)));
        return HostileCorpus.Utf8("<response>" + string.Concat(fields.Select(f => $"<{f.Key}>{f.Value}</{f.Key}>")) + "</response>");
    }

    /// <summary>Answers every request with the same bytes (no copy).</summary>
    private sealed class FixedReply(byte[] reply) : HttpMessageHandler
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken) =>
            Task.FromResult(new HttpResponseMessage(HttpStatusCode.OK) { Content = new ByteArrayContent(reply), RequestMessage = request });
    }

    private sealed class AcceptEverything : IFreedomPayCallbackHandler
    {
        public Task<CallbackReply> OnResultAsync(ResultNotification notification, CancellationToken cancellationToken) => Task.FromResult(CallbackReply.Ok());

        public Task<CallbackReply> OnCheckAsync(CheckRequest request, CancellationToken cancellationToken) => Task.FromResult(CallbackReply.Ok());
    }
}
