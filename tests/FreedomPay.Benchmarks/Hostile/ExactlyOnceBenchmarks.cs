using System;
using System.Collections.Generic;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using FreedomPay.AspNetCore;
using FreedomPay.AspNetCore.Redis;
using FreedomPay.Callbacks;
using FreedomPay.Invoice;
using FreedomPay.Runtime;
using FreedomPay.Sandbox;
using FreedomPay.TestSupport;
using Microsoft.Extensions.DependencyInjection;

namespace FreedomPay.Benchmarks.Hostile;

/// <summary>
/// Two costs of issue 29's changes, each against its baseline in the same run: a distinct Result notify handled
/// once with its claim in a real Redis (redis-server started here on loopback) against the reply remembered in the
/// process (the store before claims existed); and the sandbox refusing a validly signed hostile 1 MB JSON body
/// (one long name; half a million values) against answering a genuine Invoice status.
/// </summary>
[MemoryDiagnoser]
[GroupBenchmarksBy(BenchmarkLogicalGroupRule.ByCategory)]
[CategoriesColumn]
public class ExactlyOnceBenchmarks
{
    private const string Secret = "benchmark-secret";
    private const string StatusPath = "/v5/merchant/invoice/status";

    private RedisServer _redis = null!;
    private LoopbackApp _inMemory = null!;
    private LoopbackApp _withRedis = null!;
    private FreedomPaySandbox _sandbox = null!;
    private HttpClient _http = null!;
    private long _paymentId = 1_000_000;
    private byte[] _genuineJson = null!;
    private byte[] _longName = null!;
    private byte[] _manyValues = null!;
    private string _genuineJws = null!;
    private string _longNameJws = null!;
    private string _manyValuesJws = null!;

    [GlobalSetup]
    public void Setup()
    {
        _redis = RedisServer.StartAsync().GetAwaiter().GetResult();
        _inMemory = StartMerchant(null);
        _withRedis = StartMerchant(services => services.AddFreedomPayRedisCallbackStore(_redis.Configuration));
        _http = new HttpClient();

        _sandbox = FreedomPaySandbox.StartAsync().GetAwaiter().GetResult();
        _genuineJson = Encoding.UTF8.GetBytes("{\"invoice_id\":\"inv-1\"}");
        _longName = Encoding.UTF8.GetBytes("{\"" + new string('n', 1_000_000 - 10) + "\":1}");
        _manyValues = Encoding.UTF8.GetBytes("{\"a\":[" + string.Join(",", Enumerable.Repeat("1", 499_995)) + "]}");
        _genuineJws = Jws(_genuineJson);
        _longNameJws = Jws(_longName);
        _manyValuesJws = Jws(_manyValues);
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _http.Dispose();
        _inMemory.DisposeAsync().AsTask().GetAwaiter().GetResult();
        _withRedis.DisposeAsync().AsTask().GetAwaiter().GetResult();
        _redis.DisposeAsync().AsTask().GetAwaiter().GetResult();
        _sandbox.DisposeAsync().AsTask().GetAwaiter().GetResult();
    }

    [Benchmark(Baseline = true, Description = "new Result notify, reply kept in the process")]
    [BenchmarkCategory("callback")]
    public Task<int> RememberedInProcess() => NotifyAsync(_inMemory);

    [Benchmark(Description = "new Result notify, claimed and kept in Redis")]
    [BenchmarkCategory("callback")]
    public Task<int> ClaimedInRedis() => NotifyAsync(_withRedis);

    [Benchmark(Baseline = true, Description = "genuine Invoice status")]
    [BenchmarkCategory("sandbox json")]
    public Task<int> GenuineJson() => PostJsonAsync(_genuineJson, _genuineJws, "1003");

    [Benchmark(Description = "signed 1 MB body, one long name")]
    [BenchmarkCategory("sandbox json")]
    public Task<int> LongNameJson() => PostJsonAsync(_longName, _longNameJws, "1001");

    [Benchmark(Description = "signed 1 MB body, 500k values")]
    [BenchmarkCategory("sandbox json")]
    public Task<int> ManyValuesJson() => PostJsonAsync(_manyValues, _manyValuesJws, "1001");

    private async Task<int> NotifyAsync(LoopbackApp app)
    {
        string id = Interlocked.Increment(ref _paymentId).ToString(System.Globalization.CultureInfo.InvariantCulture);
        var fields = new List<KeyValuePair<string, string>>
        {
            new("pg_order_id", "B-" + id), new("pg_payment_id", id), new("pg_amount", "500"), new("pg_currency", "KZT"), new("pg_result", "1"), new("pg_salt", "s1"),
        };
        fields.Add(new("pg_sig", PgSignature.Compute("result", fields, Secret)));
        using HttpResponseMessage response = await _http.PostAsync(new Uri(app.BaseAddress, "freedompay/result"), new FormUrlEncodedContent(fields));
        string reply = await response.Content.ReadAsStringAsync();
        return response.StatusCode == HttpStatusCode.OK && reply.Contains("<pg_status>ok</pg_status>", StringComparison.Ordinal) ? reply.Length : throw new InvalidOperationException("not answered ok: " + reply);
    }

    private async Task<int> PostJsonAsync(byte[] body, string jws, string expectedCode)
    {
        using var message = new HttpRequestMessage(HttpMethod.Post, new Uri(_sandbox.BaseAddress, StatusPath.TrimStart('/'))) { Content = new ByteArrayContent(body) };
        message.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        message.Headers.TryAddWithoutValidation("X-JWS-Signature", jws);
        using HttpResponseMessage response = await _http.SendAsync(message);
        string reply = await response.Content.ReadAsStringAsync();
        return response.StatusCode == HttpStatusCode.OK && reply.Contains("\"error_code\":\"" + expectedCode + "\"", StringComparison.Ordinal)
            ? reply.Length
            : throw new InvalidOperationException($"expected error {expectedCode}, got {(int)response.StatusCode}: {reply}");
    }

    /// <summary>The detached HS512 JWS the sandbox checks (RFC 7515, made here by hand, in the Invoice area's header shape).</summary>
    private string Jws(byte[] body)
    {
        JwsHeaderShape shape = InvoiceClient.StatusInfo.Descriptor.JwsHeader;
        string merchant = shape.KeyIdIsNumber ? _sandbox.Merchant.MerchantId : "\"" + _sandbox.Merchant.MerchantId + "\"";
        string header = "{\"" + shape.PathMember + "\":\"" + StatusPath + "\",\"" + shape.KeyIdMember + "\":" + merchant + ",\"method\":\"POST\",\"params\":\"\",\"alg\":\"HS512\"}";
        string encodedHeader = B64(Encoding.UTF8.GetBytes(header));
        using var hmac = new HMACSHA512(Encoding.UTF8.GetBytes(_sandbox.Merchant.SecretKey));
        return encodedHeader + ".." + B64(hmac.ComputeHash(Encoding.ASCII.GetBytes(encodedHeader + "." + B64(body))));
    }

    private static string B64(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    private static LoopbackApp StartMerchant(Action<IServiceCollection>? services) =>
        LoopbackApp.StartAsync(
            app => app.MapFreedomPayCallbacks("/freedompay", new FreedomPayCallbackOptions { SecretKey = Secret }),
            s =>
            {
                s.AddSingleton<IFreedomPayCallbackHandler, AcceptEverything>();
                services?.Invoke(s);
            }).GetAwaiter().GetResult();

    private sealed class AcceptEverything : IFreedomPayCallbackHandler
    {
        public Task<CallbackReply> OnResultAsync(ResultNotification notification, CancellationToken cancellationToken) => Task.FromResult(CallbackReply.Ok());

        public Task<CallbackReply> OnCheckAsync(CheckRequest request, CancellationToken cancellationToken) => Task.FromResult(CallbackReply.Ok());
    }
}
