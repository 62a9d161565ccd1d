using System;
using System.Buffers;
using System.Buffers.Text;
using System.Collections.Generic;
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
/// HMAC + Utf8JsonReader baseline written as the XML baseline is: sign, encode, send, read every value, pick two out.
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

        // As the XML baseline does: read every value of the reply, then pick two out.
        var values = new List<KeyValuePair<string, string>>(8);
        string? name = null;
        var reader = new Utf8JsonReader(reply);
        while (reader.Read())
        {
            switch (reader.TokenType)
            {
                case JsonTokenType.PropertyName:
                    name = reader.GetString();
                    break;
                case JsonTokenType.String:
                    values.Add(new(name!, reader.GetString()!));
                    break;
                case JsonTokenType.Number:
                    values.Add(new(name!, Encoding.UTF8.GetString(reader.ValueSpan)));
                    break;
            }
        }

        string? status = values.Find(v => v.Key == "status").Value;
        string? id = values.Find(v => v.Key == "invoice_id").Value;
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
