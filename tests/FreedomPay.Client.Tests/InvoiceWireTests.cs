using System;
using System.Collections.Generic;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Text;
using System.Text.Json;
using System.Threading.Tasks;
using FreedomPay.Client.Tests.Infrastructure;
using FreedomPay.Invoice;
using FreedomPay.TestSupport;
using Jose;

namespace FreedomPay.Client.Tests;

/// <summary>
/// The JSON protocol family on the wire (spec/freedompay.invoice.yaml, spec/freedompay.gateway-async.yaml): a JSON body with JSON types and no pg_
/// names, a detached JWS in X-JWS-Signature over the exact body bytes that an independent JOSE implementation
/// (jose-jwt) accepts, and JSON replies read into the same typed responses, with the area's own error shape.
/// </summary>
public sealed class InvoiceWireTests
{
    private static readonly byte[] Key = Encoding.UTF8.GetBytes(FakeGateway.Secret);

    [Fact]
    public async Task Init_sends_a_json_body_signed_by_a_detached_hs512_jws_that_jose_jwt_verifies()
    {
        using var test = new TestClient();
        test.Gateway.Respond = _ => Json("""{"status":"ok","invoice_status":"process","invoice_id":"inv-77","invoice_methods":{"qr":"cXItcGF5bG9hZA=="},"dt":"2026-12-04T18:00:00+05:00"}""");

        InitResponse init = await test.Client.Invoice.InitAsync(new InitRequest
        {
            OrderId = "A-1", Amount = 1500.50m, Description = "Счёт за услуги", InvoiceMethod = InvoiceMethod.Qr, ResultUrl = "https://shop.test/result",
        });

        CapturedRequest sent = test.Gateway.Single;
        Assert.Equal(("POST", "https://gateway.test/v5/merchant/invoice/init", "application/json"), (sent.Method.Method, sent.Uri.ToString(), sent.ContentType?.Split(';')[0]));
        Assert.Equal("""{"merchant_id":"12345","order_id":"A-1","amount":1500.50,"description":"Счёт за услуги","invoice_method":"qr","result_url":"https://shop.test/result"}""", sent.BodyText);
        using (JsonDocument body = JsonDocument.Parse(sent.Body))
        {
            Assert.Equal(JsonValueKind.Number, body.RootElement.GetProperty("amount").ValueKind);
            Assert.Equal("Счёт за услуги", body.RootElement.GetProperty("description").GetString());
        }

        string jws = sent.Header("X-JWS-Signature")!;
        Assert.Matches("^[A-Za-z0-9_-]+\\.\\.[A-Za-z0-9_-]+$", jws); // header..signature: the payload is detached
        Assert.Equal(sent.Body, JWT.DecodeBytes(jws, Key, JwsAlgorithm.HS512, payload: sent.Body));
        IDictionary<string, object> header = JWT.Headers(jws);
        Assert.Equal(("/v5/merchant/invoice/init", "POST", "", "HS512"), ((string)header["path"], (string)header["method"], (string)header["params"], (string)header["alg"]));
        Assert.IsNotType<string>(header["merchant_id"]); // a JSON number, as the Invoice page's example token has it
        Assert.Equal(12345L, Convert.ToInt64(header["merchant_id"], System.Globalization.CultureInfo.InvariantCulture));

        Assert.Equal((ResultStatus.Ok, InvoiceStatus.Process, "inv-77", "cXItcGF5bG9hZA=="), (init.Status, init.InvoiceStatus, init.InvoiceId, init.InvoiceMethods!.Qr));
        Assert.Equal(new DateTimeOffset(2026, 12, 4, 18, 0, 0, TimeSpan.FromHours(5)), init.Dt);
    }

    [Fact]
    public async Task The_signature_covers_the_body_the_key_and_the_path()
    {
        using var test = new TestClient();
        test.Gateway.Respond = _ => Json("""{"status":"ok","invoice_id":"inv-1","invoice_status":"ok"}""");

        await test.Client.Invoice.StatusAsync(new StatusRequest { InvoiceId = "inv-1" });

        CapturedRequest sent = test.Gateway.Single;
        string jws = sent.Header("X-JWS-Signature")!;
        byte[] changed = Encoding.UTF8.GetBytes(sent.BodyText.Replace("inv-1", "inv-2", StringComparison.Ordinal));
        Assert.Throws<IntegrityException>(() => JWT.DecodeBytes(jws, Encoding.UTF8.GetBytes("another-key"), JwsAlgorithm.HS512, payload: sent.Body));
        Assert.Throws<IntegrityException>(() => JWT.DecodeBytes(jws, Key, JwsAlgorithm.HS512, payload: changed));
        Assert.Equal("/v5/merchant/invoice/status", (string)JWT.Headers(jws)["path"]);
        Assert.Equal("""{"merchant_id":"12345","invoice_id":"inv-1"}""", sent.BodyText);
    }

    [Fact]
    public async Task A_json_error_reply_is_a_gateway_exception_with_the_areas_code_and_description()
    {
        using var test = new TestClient();
        test.Gateway.Respond = _ => Json("""{"status":"error","error_code":"404","error_description":"Invoice not found","dt":"2026-12-04T18:00:00+05:00"}""");

        var error = await Assert.ThrowsAsync<FreedomPayGatewayException>(() => test.Client.Invoice.InfoAsync(new InfoRequest { InvoiceId = "nope" }));

        Assert.Equal(("404", "Invoice not found", "Invoice.Info", true), (error.ErrorCode, error.ErrorDescription, error.Operation, error.IsSigned));
    }

    [Fact]
    public async Task Json_types_arrays_and_nulls_are_read_as_elements_and_unknown_members_are_kept_raw()
    {
        using var test = new TestClient();
        test.Gateway.Respond = _ => Json("""{"status":"ok","invoice_id":"inv-5","invoice_status":"ok","order_id":null,"amount":990.5,"currency":"KZT","extra":[1,2,{"k":true}]}""");

        InfoResponse info = await test.Client.Invoice.InfoAsync(new InfoRequest { InvoiceId = "inv-5" });

        Assert.Equal((990.5m, (string?)null, "KZT"), (info.Amount, info.OrderId, info.Currency));
        Assert.Equal(new[] { "1", "2", string.Empty }, info.Raw.Root.Children.Where(c => c.Name == "extra").Select(c => c.Value));
        Assert.Equal("1", info.Raw.Root.Children.Last().Find("k")!.Value);
    }

    [Theory]
    [InlineData("\"invoice_status\":[\"ok\"]", "<invoice_status>", "one value, but is a JSON array")]
    [InlineData("\"amount\":{\"v\":1}", "<amount>", "a decimal number, but is an object")]
    [InlineData("\"amount\":{}", "<amount>", "a decimal number, but is an object")]
    [InlineData("\"amount\":[1]", "<amount>", "one value, but is a JSON array")]
    [InlineData("\"amount\":[1,2]", "<amount>", "more than one")]
    [InlineData("\"currency\":{\"code\":\"KZT\"}", "<currency>", "text, but is an object")]
    [InlineData("\"invoice_status\":{}", "<invoice_status>", "text, but is an object")]
    public async Task A_json_value_of_the_wrong_type_for_its_element_is_a_protocol_error_naming_it(string member, string element, string problem)
    {
        using var test = new TestClient();
        test.Gateway.Respond = _ => Json("{\"status\":\"ok\",\"invoice_id\":\"inv-5\"," + member + "}");

        InfoResponse? read = null;
        var refused = await Record.ExceptionAsync(async () =>
        {
            read = await test.Client.Invoice.InfoAsync(new InfoRequest { InvoiceId = "inv-5" });
            _ = (read.Amount, read.InvoiceStatus, read.Currency); // properties read when the reply is, or on first use
        });

        var protocol = Assert.IsType<FreedomPayProtocolException>(refused);
        Assert.Contains(element, protocol.Message);
        Assert.Contains(problem, protocol.Message);
    }

    [Fact]
    public async Task An_unknown_enum_value_in_json_stays_unknown()
    {
        using var test = new TestClient();
        test.Gateway.Respond = _ => Json("{\"status\":\"ok\",\"invoice_id\":\"inv-5\",\"invoice_status\":\"frozen\"}");

        InfoResponse info = await test.Client.Invoice.InfoAsync(new InfoRequest { InvoiceId = "inv-5" });

        Assert.Equal(InvoiceStatus.Unknown, info.InvoiceStatus);
    }

    [Fact]
    public async Task A_money_moving_json_call_is_sent_once_and_a_safe_one_retried_with_the_same_body()
    {
        int calls = 0;
        using var test = new TestClient(o => o.Retry.BaseDelay = TimeSpan.FromMilliseconds(1));
        test.Gateway.Respond = _ => ++calls == 1 ? new HttpResponseMessage(HttpStatusCode.BadGateway) : Json("""{"status":"ok","invoice_id":"inv-1","invoice_status":"ok"}""");

        await test.Client.Invoice.StatusAsync(new StatusRequest { InvoiceId = "inv-1" });
        calls = 0;
        await Assert.ThrowsAsync<FreedomPayOutcomeUnknownException>(() => test.Client.Invoice.PayAsync(new PayRequest { InvoiceId = "inv-1", InvoiceMethod = InvoiceMethod.Qr }));

        CapturedRequest[] sent = test.Gateway.Requests.ToArray();
        Assert.Equal(3, sent.Length); // status twice, pay once
        Assert.Equal(sent[0].BodyText, sent[1].BodyText);
        Assert.Equal(sent[0].Header("X-JWS-Signature"), sent[1].Header("X-JWS-Signature"));
    }

    [Fact]
    public async Task The_replys_headers_are_readable_from_the_raw_response()
    {
        using var test = new TestClient();
        test.Gateway.Respond = _ =>
        {
            HttpResponseMessage reply = Json("""{"status":"ok","invoice_id":"inv-1","invoice_status":"ok"}""");
            reply.Headers.Add("X-Request-Status", "done");
            reply.Headers.Add("X-Datetime", "2026-12-04T18:00:00+05:00");
            return reply;
        };

        StatusResponse status = await test.Client.Invoice.StatusAsync(new StatusRequest { InvoiceId = "inv-1" });

        Assert.Equal(("done", "2026-12-04T18:00:00+05:00", (string?)null), (status.Raw.Header("x-request-status"), status.Raw.Header("X-Datetime"), status.Raw.Header("X-Missing")));
    }

    [Fact]
    public async Task Gateway_async_reads_send_x_action_and_a_request_id_kept_across_retries_signed_hs256_with_auth_id()
    {
        int calls = 0;
        using var test = new TestClient(o => o.Retry.BaseDelay = TimeSpan.FromMilliseconds(1));
        test.Gateway.Respond = _ => ++calls == 1 ? new HttpResponseMessage(HttpStatusCode.ServiceUnavailable) : Json("""{"status":"ok","id":"01907dac-a93d-776e-b475-cba6a54a4888","order_id":"1234","amount":10}""");

        var read = await test.Client.GatewayAsync.ReadPaymentAsync(new GatewayAsync.ReadPaymentRequest { OrderId = "1234" });
        await test.Client.GatewayAsync.ReadPaymentAsync(new GatewayAsync.ReadPaymentRequest { Id = "01907dac-a93d-776e-b475-cba6a54a4888" });
        var missing = await Assert.ThrowsAsync<FreedomPayValidationException>(() => test.Client.GatewayAsync.ReadPaymentAsync(new GatewayAsync.ReadPaymentRequest()));

        CapturedRequest[] sent = test.Gateway.Requests.ToArray();
        Assert.Equal(3, sent.Length); // the first read retried once, the second sent once, the third refused before sending
        Assert.All(sent, r => Assert.Equal("gateway.payment.status", r.Header("X-Action")));
        Assert.True(Guid.TryParse(sent[0].Header("X-Request-Id"), out _));
        Assert.Equal(sent[0].Header("X-Request-Id"), sent[1].Header("X-Request-Id")); // a retry is the same request
        Assert.NotEqual(sent[1].Header("X-Request-Id"), sent[2].Header("X-Request-Id")); // a new call is a new one
        Assert.Equal("""{"order_id":"1234"}""", sent[0].BodyText);
        string jws = sent[2].Header("X-JWS-Signature")!;
        Assert.Equal(sent[2].Body, JWT.DecodeBytes(jws, Key, JwsAlgorithm.HS256, payload: sent[2].Body));
        Assert.Equal(12345L, Convert.ToInt64(JWT.Headers(jws)["auth_id"], System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(("1234", (decimal?)10m), (read.OrderId, read.Amount));
        Assert.Contains("Id", missing.Message);
    }

    [Fact]
    public async Task Calls_in_parallel_share_the_keyed_hmac_and_every_signature_still_verifies()
    {
        using var test = new TestClient();
        test.Gateway.Respond = _ => Json("""{"status":"ok","invoice_id":"inv-1","invoice_status":"ok"}""");

        await Task.WhenAll(Enumerable.Range(0, 200).Select(i => Task.Run(() => test.Client.Invoice.StatusAsync(new StatusRequest { InvoiceId = "inv-" + i }))));

        Assert.Equal(200, test.Gateway.Requests.Count);
        Assert.All(test.Gateway.Requests, sent => Assert.Equal(sent.Body, JWT.DecodeBytes(sent.Header("X-JWS-Signature")!, Key, JwsAlgorithm.HS512, payload: sent.Body)));
    }

    internal static HttpResponseMessage Json(string json) =>
        new(HttpStatusCode.OK) { Content = new StringContent(json, Encoding.UTF8, "application/json") };
}
