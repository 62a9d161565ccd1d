using System;
using System.Collections.Generic;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Text;
using System.Text.Json;
using System.Threading.Tasks;
using FreedomPay.Invoice;
using FreedomPay.Sandbox.Tests.AsyncReads;
using FreedomPay.Sandbox.Tests.CardApi;
using Jose;

namespace FreedomPay.Sandbox.Tests;

/// <summary>
/// The JSON protocol family against the sandbox: the Invoice lifecycle (Init, the invoice page the QR code leads to,
/// Status, Info, Pay), each request's detached JWS verified by the sandbox's own JOSE implementation, and what it
/// refuses: another key, a body changed after signing, a signature made for another path, an unknown merchant, a
/// request id used again for another body (the same id and body get the first reply, as the docs say).
/// </summary>
public sealed class JsonAreaTests
{
    [Fact]
    public async Task An_invoice_is_created_paid_on_the_page_its_qr_code_leads_to_and_read_back()
    {
        await using var f = await SandboxFixture.StartAsync();
        InvoiceClient invoices = f.Client.Invoice;

        InitResponse init = await invoices.InitAsync(new InitRequest { OrderId = "B-1", Amount = 4500m, Description = "Счёт за услуги", InvoiceMethod = InvoiceMethod.Qr });
        Assert.Equal((ResultStatus.Ok, InvoiceStatus.Process), (init.Status, init.InvoiceStatus));
        Assert.Equal(new DateTimeOffset(2026, 11, 25, 17, 0, 0, TimeSpan.FromHours(5)), init.Dt);
        string page = Encoding.UTF8.GetString(Convert.FromBase64String(init.InvoiceMethods!.Qr!));
        Assert.StartsWith(f.Sandbox.BaseAddress + "pay/invoice/", page);

        using var browser = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false });
        string html = WebUtility.HtmlDecode(await browser.GetStringAsync(page));
        Assert.Contains("Оплата счёта", html);
        Assert.Contains("4\u00A0500,00\u00A0KZT", html);
        Assert.Equal(InvoiceStatus.Process, (await invoices.StatusAsync(new StatusRequest { InvoiceId = init.InvoiceId! })).InvoiceStatus);
        using (HttpResponseMessage paid = await browser.PostAsync(page + "/pay", new FormUrlEncodedContent(Array.Empty<KeyValuePair<string, string>>())))
        {
            Assert.Equal(HttpStatusCode.Redirect, paid.StatusCode);
        }

        Assert.Contains("Счёт оплачен", WebUtility.HtmlDecode(await browser.GetStringAsync(page)));
        Assert.Equal(InvoiceStatus.Ok, (await invoices.StatusAsync(new StatusRequest { InvoiceId = init.InvoiceId! })).InvoiceStatus);
        SandboxInvoice kept = Assert.Single(f.Sandbox.Invoices);
        Assert.Equal((init.InvoiceId, "ok", 4500m, true), (kept.Id, kept.Status, kept.Amount, kept.PaidAt.HasValue));
        Assert.Contains(kept.Id, await browser.GetStringAsync(f.Sandbox.DashboardAddress)); // listed on the dashboard
        InfoResponse info = await invoices.InfoAsync(new InfoRequest { InvoiceId = init.InvoiceId! });
        Assert.Equal(("B-1", (decimal?)4500m, "Счёт за услуги"), (info.OrderId, info.Amount, info.Description));
        var again = await Assert.ThrowsAsync<FreedomPayGatewayException>(() => invoices.PayAsync(new PayRequest { InvoiceId = init.InvoiceId!, InvoiceMethod = InvoiceMethod.Qr }));
        Assert.Equal("1004", again.ErrorCode);
        var missing = await Assert.ThrowsAsync<FreedomPayGatewayException>(() => invoices.StatusAsync(new StatusRequest { InvoiceId = "inv-nope" }));
        Assert.Equal("1003", missing.ErrorCode);
    }

    [Fact]
    public async Task Pay_pays_a_waiting_invoice()
    {
        await using var f = await SandboxFixture.StartAsync();
        InitResponse init = await f.Client.Invoice.InitAsync(new InitRequest { OrderId = "B-2", Amount = 10m, Description = "x", InvoiceMethod = InvoiceMethod.Qr });

        PayResponse paid = await f.Client.Invoice.PayAsync(new PayRequest { InvoiceId = init.InvoiceId!, InvoiceMethod = InvoiceMethod.Qr });

        Assert.Equal((ResultStatus.Ok, InvoiceStatus.Ok), (paid.Status, paid.InvoiceStatus));
    }

    [Fact]
    public async Task Another_key_a_changed_body_another_path_and_an_unknown_merchant_are_refused()
    {
        await using var f = await SandboxFixture.StartAsync();
        using FreedomPayClient wrongKey = f.NewClient(f.Sandbox.Merchant.MerchantId, "not-the-merchants-key");
        var refused = await Assert.ThrowsAsync<FreedomPayGatewayException>(() => wrongKey.Invoice.StatusAsync(new StatusRequest { InvoiceId = "inv-1" }));
        Assert.Equal("1002", refused.ErrorCode);

        string merchant = f.Sandbox.Merchant.MerchantId;
        string body = $$"""{"merchant_id":"{{merchant}}","invoice_id":"inv-1"}""";
        string Jws(string signedBody, string uri, string key) => JWT.Encode(
            signedBody, Encoding.UTF8.GetBytes(key), JwsAlgorithm.HS512,
            new Dictionary<string, object> { ["path"] = uri, ["merchant_id"] = long.Parse(merchant), ["method"] = "POST", ["params"] = "" },
            options: new JwtOptions { DetachPayload = true });
        string secret = f.Sandbox.Merchant.SecretKey;

        JsonElement changed = await PostAsync(f, "v5/merchant/invoice/status", body.Replace("inv-1", "inv-2"), Jws(body, "/v5/merchant/invoice/status", secret));
        JsonElement otherPath = await PostAsync(f, "v5/merchant/invoice/status", body, Jws(body, "/v5/merchant/invoice/info", secret));
        JsonElement hs256 = await PostAsync(f, "v5/merchant/invoice/status", body, JWT.Encode(body, Encoding.UTF8.GetBytes(secret), JwsAlgorithm.HS256,
            new Dictionary<string, object> { ["path"] = "/v5/merchant/invoice/status", ["merchant_id"] = long.Parse(merchant), ["method"] = "POST", ["params"] = "" }, options: new JwtOptions { DetachPayload = true }));
        JsonElement unsigned = await PostAsync(f, "v5/merchant/invoice/status", body, jws: null);
        JsonElement genuine = await PostAsync(f, "v5/merchant/invoice/status", body, Jws(body, "/v5/merchant/invoice/status", secret));

        Assert.Equal(new[] { "1002", "1002", "1002", "101" }, new[] { changed, otherPath, hs256, unsigned }.Select(r => r.GetProperty("error_code").GetString()));
        Assert.All(new[] { changed, otherPath, hs256, unsigned }, r => Assert.Equal("error", r.GetProperty("status").GetString()));
        Assert.True("1003" == genuine.GetProperty("error_code").GetString(), genuine.ToString()); // signed right: refused only because no such invoice
    }

    [Fact]
    public async Task A_request_id_used_again_gets_the_first_reply_for_the_same_body_and_is_refused_for_another()
    {
        await using var f = await SandboxFixture.StartAsync(o => o.AddArea(AsyncReadsClient.Operations));
        string merchant = f.Sandbox.Merchant.MerchantId;
        string secret = f.Sandbox.Merchant.SecretKey;
        string Jws(string body) => JWT.Encode(body, Encoding.UTF8.GetBytes(secret), JwsAlgorithm.HS256,
            new Dictionary<string, object> { ["uri"] = "/v5/test/read", ["auth_id"] = merchant, ["method"] = "POST", ["params"] = "" },
            options: new JwtOptions { DetachPayload = true });
        const string first = """{"payment_id":7}""";
        const string other = """{"payment_id":8}""";

        string a = await PostTextAsync(f, "v5/test/read", first, Jws(first), "req-1");
        string b = await PostTextAsync(f, "v5/test/read", first, Jws(first), "req-1");
        string c = await PostTextAsync(f, "v5/test/read", other, Jws(other), "req-1");
        string noId = await PostTextAsync(f, "v5/test/read", first, Jws(first), requestId: null);

        Assert.Equal("ok", JsonDocument.Parse(a).RootElement.GetProperty("status").GetString());
        Assert.Equal(a, b); // the same reply, byte for byte (the default emulation would make a new payment id)
        Assert.Contains("already used for another request", c);
        Assert.Contains("X-Request-Id header is required", noId);

        // The generated client sends a fresh id per call, kept across the retries of a safe call.
        ReadPaymentResponse read = await f.Client.AsyncReads().ReadPaymentAsync(new ReadPaymentRequest { PaymentId = 9 });
        Assert.Equal((ReadPaymentStatus.Ok, (decimal?)150.50m), (read.Status, read.Payment!.Amount));
        Assert.Matches("^[0-9a-f]{8}-[0-9a-f]{4}-", read.Raw.Header("X-Request-Id")!); // the client's id, echoed
        Assert.Equal("success", read.Raw.Header("X-Request-Status")); // the docs' values: success, error
        Assert.Contains(f.Sandbox.Requests, r => r.Operation == "AsyncReads.ReadPayment" && r.Signature == SignatureVerdict.Valid);
    }

    [Fact]
    public async Task The_packaged_gateway_async_read_finds_a_payment_by_order_id_with_its_headers_checked()
    {
        await using var f = await SandboxFixture.StartAsync();
        await f.Client.GatewayAsync.CreatePaymentAsync(new GatewayAsync.CreatePaymentRequest
        {
            Amount = 10m, Currency = "KZT", Description = "desc", OrderId = "1234", AutoClearing = true,
            From = new GatewayAsync.PaymentSource { Type = GatewayAsync.PaymentSourceType.Card, Card = new GatewayAsync.PaymentCard { Pan = "4405645000006150", Cvc = "123", Year = 49, Month = 12, Name = "TEST" } },
        });

        GatewayAsync.ReadPaymentResponse read = await f.Client.GatewayAsync.ReadPaymentAsync(new GatewayAsync.ReadPaymentRequest { OrderId = "1234" });

        Assert.Equal(("success", "1234"), (read.Status, read.OrderId));
        Assert.Contains(f.Sandbox.Requests, r => r.Operation == "GatewayAsync.ReadPayment" && r.Signature == SignatureVerdict.Valid);
    }

    [Fact]
    public async Task Faults_apply_to_json_routes_a_lost_pay_reply_is_outcome_unknown_and_the_invoice_was_paid()
    {
        await using var f = await SandboxFixture.StartAsync();
        InitResponse init = await f.Client.Invoice.InitAsync(new InitRequest { OrderId = "F-1", Amount = 10m, Description = "x", InvoiceMethod = InvoiceMethod.Qr });
        f.Sandbox.Faults.Add(InvoiceClient.PayInfo, SandboxFault.DropConnection(afterProcessing: true));
        f.Sandbox.Faults.Add(InvoiceClient.StatusInfo, SandboxFault.MalformedReply());

        await Assert.ThrowsAsync<FreedomPayOutcomeUnknownException>(() => f.Client.Invoice.PayAsync(new PayRequest { InvoiceId = init.InvoiceId!, InvoiceMethod = InvoiceMethod.Qr }));
        await Assert.ThrowsAsync<FreedomPayProtocolException>(() => f.Client.Invoice.StatusAsync(new StatusRequest { InvoiceId = init.InvoiceId! }));

        Assert.Equal(InvoiceStatus.Ok, (await f.Client.Invoice.StatusAsync(new StatusRequest { InvoiceId = init.InvoiceId! })).InvoiceStatus); // it took effect
    }

    [Fact]
    public async Task The_sign_header_scheme_is_verified_end_to_end_and_another_key_is_refused()
    {
        await using var f = await SandboxFixture.StartAsync(o => o.AddArea(CardApi.CardApiClient.Operations));
        var request = new CardApi.RefundRequest { OrderId = "R-1", TransactionId = 77, Amount = 10.50m };

        CardApi.RefundResponse refunded = await f.Client.CardApi().RefundAsync(request);
        using FreedomPayClient wrongKey = f.NewClient(f.Sandbox.Merchant.MerchantId, "not-the-merchants-key");
        var refused = await Assert.ThrowsAsync<FreedomPayGatewayException>(() => wrongKey.CardApi().RefundAsync(request));

        Assert.Equal((CardApi.RefundStatus.Ok, CardApi.RefundRequestStatus.Accepted), (refunded.Status, refunded.RequestStatus));
        Assert.Equal("1002", refused.ErrorCode);
        Assert.Contains("Sign header does not match", refused.ErrorDescription);
    }

    [Theory]
    [InlineData("nested 10k objects deep", "deep")]
    [InlineData("2,000 values", "wide")]
    [InlineData("not JSON", "garbage")]
    [InlineData("a top-level array", "array")]
    public async Task A_hostile_but_validly_signed_json_body_is_refused_with_a_json_error_never_a_500(string what, string shape)
    {
        await using var f = await SandboxFixture.StartAsync();
        string body = shape switch
        {
            "deep" => string.Concat(Enumerable.Repeat("{\"a\":", 10_000)) + "1" + new string('}', 10_000),
            "wide" => "{\"a\":[" + string.Join(",", Enumerable.Repeat("1", 2000)) + "]}",
            "garbage" => "{\"invoice_id\":",
            _ => "[1,2,3]",
        };
        string merchant = f.Sandbox.Merchant.MerchantId;
        string jws = JWT.Encode(body, Encoding.UTF8.GetBytes(f.Sandbox.Merchant.SecretKey), JwsAlgorithm.HS512,
            new Dictionary<string, object> { ["path"] = "/v5/merchant/invoice/status", ["merchant_id"] = long.Parse(merchant), ["method"] = "POST", ["params"] = "" },
            options: new JwtOptions { DetachPayload = true });

        JsonElement reply = await PostAsync(f, "v5/merchant/invoice/status", body, jws);

        Assert.True(reply.GetProperty("status").GetString() == "error", what);
        Assert.Equal("1001", reply.GetProperty("error_code").GetString());
    }

    [Fact]
    public async Task The_card_api_is_checked_with_the_scheme_its_request_carries_a_JWS_or_the_uz_Sign_header()
    {
        await using var f = await SandboxFixture.StartAsync();
        string body = "{\"request_id\":\"" + Guid.NewGuid() + "\",\"card_id\":\"card-2\",\"description\":\"lost\"}";
        string secret = f.Sandbox.Merchant.SecretKey;
        string sign = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(Encoding.UTF8.GetBytes(body + secret)));

        FreedomPay.CardIssuing.BlockCardResponse viaJws = await f.Client.CardIssuing.BlockCardAsync(new FreedomPay.CardIssuing.BlockCardRequest { CardId = "card-1", Description = "lost" });
        JsonElement withoutRequestId = await PostSignedAsync(f, body, sign, requestId: null);
        JsonElement viaSign = await PostSignedAsync(f, body, sign, requestId: Guid.NewGuid().ToString());
        JsonElement wrongSign = await PostSignedAsync(f, body.Replace("card-2", "card-3", StringComparison.Ordinal), sign, requestId: Guid.NewGuid().ToString());

        Assert.Equal(ResultStatus.Ok, viaJws.Status); // a JWS could be meant for .kz or .kg: no Request-Id is asked of it
        Assert.Equal("1001", withoutRequestId.GetProperty("error_code").GetString()); // the .uz server's own header
        Assert.Contains("Request-Id", withoutRequestId.GetProperty("error_description").GetString());
        Assert.Equal("ok", viaSign.GetProperty("status").GetString());
        Assert.Equal("1002", wrongSign.GetProperty("error_code").GetString()); // the Sign of another body
    }

    private static async Task<JsonElement> PostSignedAsync(SandboxFixture f, string body, string sign, string? requestId)
    {
        using var http = new HttpClient();
        using var message = new HttpRequestMessage(HttpMethod.Post, new Uri(f.Sandbox.BaseAddress, "v5/card-api/card/block")) { Content = new StringContent(body, Encoding.UTF8, "application/json") };
        message.Headers.Add("Sign", sign);
        message.Headers.Add("Auth-Id", f.Sandbox.Merchant.MerchantId);
        if (requestId is not null)
        {
            message.Headers.Add("Request-Id", requestId);
        }

        using HttpResponseMessage response = await http.SendAsync(message);
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
    }

    private static async Task<JsonElement> PostAsync(SandboxFixture f, string path, string body, string? jws) =>
        JsonDocument.Parse(await PostTextAsync(f, path, body, jws, requestId: null)).RootElement;

    private static async Task<string> PostTextAsync(SandboxFixture f, string path, string body, string? jws, string? requestId)
    {
        using var http = new HttpClient();
        using var message = new HttpRequestMessage(HttpMethod.Post, new Uri(f.Sandbox.BaseAddress, path)) { Content = new StringContent(body, Encoding.UTF8, "application/json") };
        if (jws is not null)
        {
            message.Headers.Add("X-JWS-Signature", jws);
        }

        if (requestId is not null)
        {
            message.Headers.Add("X-Request-Id", requestId);
        }

        using HttpResponseMessage response = await http.SendAsync(message);
        return await response.Content.ReadAsStringAsync();
    }
}
