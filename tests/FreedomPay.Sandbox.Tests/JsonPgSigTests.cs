using System;
using System.Linq;
using System.Net.Http;
using System.Text;
using System.Text.Json;
using System.Threading.Tasks;
using FreedomPay.Sandbox.Tests.JsonStatus;
using FreedomPay.TestSupport;

namespace FreedomPay.Sandbox.Tests;

/// <summary>
/// A JSON body signed with its own pg_sig (<c>auth: pg-sig</c>), as the docs' JSON Status page shows it: the client
/// signs the values as form fields and sends pg_salt and pg_sig in the body; the reply's pg_sig is checked over its
/// values, nested lists included. The expected signatures were computed outside .NET (Python's hashlib, with a PHP-like
/// recursive key sort: md5 of "status;12345;order_121;123456789;random string;test-secret-key" and of the docs'
/// example reply).
/// </summary>
public sealed class JsonPgSigTests
{
    private const string RequestVector = "d19892543a45d48102c6db45c19406fe";
    private const string ReplyVector = "47fb472d82a45d26ba77b592f8ef06f1";

    [Fact]
    public async Task The_client_signs_the_json_body_with_pg_sig_and_the_sandbox_checks_it_and_signs_its_json_reply()
    {
        await using var f = await SandboxFixture.StartAsync(o => o.AddArea(JsonStatusClient.Operations));

        StatusResponse status = await f.Client.JsonStatus().StatusAsync(new StatusRequest { PaymentId = 7, OrderId = "A-7" });

        SandboxRequest logged = Assert.Single(f.Sandbox.Requests, r => r.Operation == "JsonStatus.Status");
        Assert.Equal(SignatureVerdict.Valid, logged.Signature);
        Assert.Contains("pg_sig", logged.Fields);
        Assert.NotNull(status.Status);
    }

    [Fact]
    public async Task The_sandbox_accepts_the_docs_example_body_with_a_signature_computed_outside_dotnet_and_refuses_it_altered()
    {
        await using var f = await SandboxFixture.StartAsync(o =>
        {
            o.AddArea(JsonStatusClient.Operations);
            o.Merchants.Add(new SandboxMerchant(FakeGateway.MerchantId, FakeGateway.Secret));
        });
        string body = "{\"pg_order_id\":\"order_121\",\"pg_merchant_id\":12345,\"pg_payment_id\":123456789,\"pg_sig\":\"" + RequestVector + "\",\"pg_salt\":\"random string\"}";

        JsonElement accepted = await PostAsync(f, body);
        JsonElement altered = await PostAsync(f, body.Replace("order_121", "order_122", StringComparison.Ordinal));

        Assert.NotEqual("1002", accepted.TryGetProperty("pg_error_code", out JsonElement code) ? code.GetString() : null);
        Assert.True(accepted.TryGetProperty("pg_sig", out _), accepted.ToString()); // the reply is signed too
        Assert.Equal("1002", altered.GetProperty("pg_error_code").GetString());
    }

    [Fact]
    public async Task The_docs_example_reply_signed_outside_dotnet_is_read_with_its_refunds_and_a_wrong_signature_is_refused()
    {
        string reply = "{\"pg_payment_id\":123456789,\"pg_amount\":100,\"pg_status\":\"success\",\"pg_created_at\":\"2026-04-29 11:34:45\","
            + "\"pg_refund_payments\":[{\"pg_payment_id\":123456790,\"pg_amount\":-100,\"pg_status\":\"success\",\"pg_created_at\":\"2026-04-29 11:34:57\"}],"
            + "\"pg_salt\":\"random string\",\"pg_sig\":\"" + ReplyVector + "\"}";
        var gateway = new FakeGateway();
        using var client = new FreedomPayClient(new HttpClient(gateway), new FreedomPayClientOptions { MerchantId = FakeGateway.MerchantId, SecretKey = FakeGateway.Secret, BaseAddress = new Uri("https://gateway.test/") });

        gateway.Respond = _ => Json(reply);
        StatusResponse status = await client.JsonStatus().StatusAsync(new StatusRequest { PaymentId = 123456789, OrderId = "order_121" });
        gateway.Respond = _ => Json(reply.Replace("\"pg_amount\":-100", "\"pg_amount\":-10", StringComparison.Ordinal));
        await Assert.ThrowsAsync<FreedomPaySignatureException>(() => client.JsonStatus().StatusAsync(new StatusRequest { PaymentId = 123456789 }));

        Assert.Equal((123456789L, 100m, "2026-04-29 11:34:45"), (status.PaymentId, status.Amount, status.CreatedAt));
        JsonRefund refund = Assert.Single(status.RefundPayments);
        Assert.Equal((123456790L, -100m, "success"), (refund.PaymentId, refund.Amount, refund.Status));

        // What the client sent: the values, then pg_salt and pg_sig, the signature over the values as form fields.
        using JsonDocument sent = JsonDocument.Parse(gateway.Requests[0].Body);
        JsonElement root = sent.RootElement;
        Assert.Equal(new[] { "pg_merchant_id", "pg_order_id", "pg_payment_id", "pg_salt", "pg_sig" }, root.EnumerateObject().Select(p => p.Name));
        Assert.Equal(JsonValueKind.Number, root.GetProperty("pg_payment_id").ValueKind);
        string salt = root.GetProperty("pg_salt").GetString()!;
        Assert.Equal(Md5("status;12345;order_121;123456789;" + salt + ";" + FakeGateway.Secret), root.GetProperty("pg_sig").GetString());
    }

    private static string Md5(string text) => Convert.ToHexStringLower(System.Security.Cryptography.MD5.HashData(Encoding.UTF8.GetBytes(text)));

    private static HttpResponseMessage Json(string json) => new(System.Net.HttpStatusCode.OK) { Content = new StringContent(json, Encoding.UTF8, "application/json") };

    private static async Task<JsonElement> PostAsync(SandboxFixture f, string body)
    {
        using var http = new HttpClient();
        using var content = new StringContent(body, Encoding.UTF8, "application/json");
        using HttpResponseMessage response = await http.PostAsync(new Uri(f.Sandbox.BaseAddress, "v5/test/status"), content);
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Clone();
    }
}
