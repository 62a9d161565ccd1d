using System;
using System.Buffers;
using System.Buffers.Text;
using System.Net;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using BenchmarkDotNet.Attributes;
using FreedomPay.Invoice;

namespace FreedomPay.Benchmarks.Client;

/// <summary>
/// One Invoice Init (the JSON protocol): write the JSON body, sign it with a detached HS512 JWS, send it to an
/// in-memory gateway, read the JSON reply. The generated client against a hand-written HttpClient + Utf8JsonWriter +
/// HMAC + Utf8JsonReader baseline that does the same work and nothing more.
/// </summary>
[MemoryDiagnoser]
public class InvoiceBenchmarks
{
    private const string Reply = """{"status":"ok","invoice_status":"process","invoice_id":"inv-0123456789abcdef","invoice_methods":{"qr":"aHR0cHM6Ly9wYXkudGVzdC9pbnZvaWNlLzEyMw=="},"dt":"2026-12-04T18:00:00+05:00"}""";

    private FreedomPayClient _ours = null!;
    private HttpClient _http = null!;
    private byte[] _key = null!;

    [GlobalSetup]
    public void Setup()
    {
        var gateway = new CannedJsonGateway(Reply);
        _ours = new FreedomPayClient(new HttpClient(gateway), new FreedomPayClientOptions { MerchantId = CannedGateway.MerchantId, SecretKey = CannedGateway.Secret, BaseAddress = new Uri("https://gateway.test/") });
        _http = new HttpClient(gateway) { BaseAddress = new Uri("https://gateway.test/") };
        _key = Encoding.UTF8.GetBytes(CannedGateway.Secret);
    }

    [Benchmark(Baseline = true, Description = "hand-written HttpClient + Utf8JsonWriter + HMAC")]
    public async Task<string?> InitHandWritten()
    {
        var body = new ArrayBufferWriter<byte>(256);
        using (var json = new Utf8JsonWriter(body))
        {
            json.WriteStartObject();
            json.WriteString("merchant_id", CannedGateway.MerchantId);
            json.WriteString("order_id", "A-1");
            json.WriteNumber("amount", 1500.50m);
            json.WriteString("description", "Services, November");
            json.WriteString("invoice_method", "qr");
            json.WriteEndObject();
        }

        var header = new ArrayBufferWriter<byte>(128);
        using (var json = new Utf8JsonWriter(header))
        {
            json.WriteStartObject();
            json.WriteString("uri", "/v5/merchant/invoice/init");
            json.WriteNumber("merchant_id", 54321);
            json.WriteString("method", "POST");
            json.WriteString("params", string.Empty);
            json.WriteString("alg", "HS512");
            json.WriteEndObject();
        }

        string protectedHeader = Base64Url.EncodeToString(header.WrittenSpan);
        string input = protectedHeader + "." + Base64Url.EncodeToString(body.WrittenSpan);
        string signature = Base64Url.EncodeToString(HMACSHA512.HashData(_key, Encoding.ASCII.GetBytes(input)));
        using var message = new HttpRequestMessage(HttpMethod.Post, "v5/merchant/invoice/init") { Content = new ByteArrayContent(body.WrittenMemory.ToArray()) };
        message.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        message.Headers.Add("X-JWS-Signature", protectedHeader + ".." + signature);
        using HttpResponseMessage response = await _http.SendAsync(message, HttpCompletionOption.ResponseHeadersRead);
        byte[] reply = await response.Content.ReadAsByteArrayAsync();

        string? status = null, id = null;
        var reader = new Utf8JsonReader(reply);
        while (reader.Read())
        {
            if (reader.TokenType == JsonTokenType.PropertyName && reader.CurrentDepth == 1)
            {
                if (reader.ValueTextEquals("status"u8))
                {
                    reader.Read();
                    status = reader.GetString();
                }
                else if (reader.ValueTextEquals("invoice_id"u8))
                {
                    reader.Read();
                    id = reader.GetString();
                }
            }
        }

        return status == "ok" ? id : throw new InvalidOperationException("refused");
    }

    [Benchmark(Description = "FreedomPay.Client (generated)")]
    public async Task<string?> InitGenerated() => (await _ours.Invoice.InitAsync(new InitRequest
    {
        OrderId = "A-1", Amount = 1500.50m, Description = "Services, November", InvoiceMethod = InvoiceMethod.Qr,
    })).InvoiceId;

    private sealed class CannedJsonGateway(string reply) : HttpMessageHandler
    {
        private readonly byte[] _reply = Encoding.UTF8.GetBytes(reply);

        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var content = new ByteArrayContent(_reply);
            content.Headers.ContentType = new MediaTypeHeaderValue("application/json") { CharSet = "utf-8" };
            return Task.FromResult(new HttpResponseMessage(HttpStatusCode.OK) { Content = content, RequestMessage = request });
        }
    }
}
