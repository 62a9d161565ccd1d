using System;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Text;
using System.Threading.Tasks;
using FreedomPay.Client.Tests.Infrastructure;
using FreedomPay.GatewayAsync;
using FreedomPay.TestSupport;
using Jose;

namespace FreedomPay.Client.Tests;

/// <summary>
/// The Gateway Async API on the wire, against the docs' OpenAPI export (api-9587005 ... api-9587011): the body and
/// headers each operation sends, the docs' example replies read into the typed responses, and the error shape the
/// area declares (<c>status: none</c>, <c>error/code</c>, <c>http-status: [422]</c>): a refusal is an exception, a
/// declined payment a reply.
/// </summary>
public sealed class GatewayAsyncWireTests
{
    private static readonly byte[] Key = Encoding.UTF8.GetBytes(FakeGateway.Secret);

    // The docs' example card (4400444400004440) fails the Luhn check, so the client refuses it: the sandbox's is used.
    private static CreatePaymentRequest CardPayment(string pan = "4405645000006150") => new()
    {
        Amount = 123.42m, Currency = "KZT", Description = "description", OrderId = "order_id", UserId = "user_id", AutoClearing = true,
        From = new PaymentSource
        {
            Type = PaymentSourceType.Card,
            Card = new PaymentCard { Name = "CARD HOLDER", Pan = pan, Cvc = "123", Year = 30, Month = 12 },
            Save = true,
            Recurrent = new RecurrentProfile { Lifetime = 3 },
        },
        Device = new PayerDevice { UserIp = "123.123.123.123" },
    };

    [Fact]
    public async Task Create_payment_sends_the_docs_body_with_its_action_a_request_id_and_a_detached_HS256_JWS()
    {
        using var test = new TestClient();
        test.Gateway.Respond = _ => Json(HttpStatusCode.OK, """{"id":"01978c37-a961-7d20-8434-632242b24d48","status":"process","amount":100,"created_at":"2025-06-20T07:13:31.068188524Z"}""");

        CreatePaymentResponse created = await test.Client.GatewayAsync.CreatePaymentAsync(CardPayment());

        CapturedRequest sent = Assert.Single(test.Gateway.Requests);
        // The overview's signing example, in the schema's member order (urls is left out: not set).
        Assert.Equal(
            """{"amount":123.42,"currency":"KZT","description":"description","order_id":"order_id","user_id":"user_id","auto_clearing":true,"from":{"type":"card","card":{"name":"CARD HOLDER","pan":"4405645000006150","cvc":"123","year":30,"month":12},"recurrent":{"lifetime":3},"save":true},"device":{"user_ip":"123.123.123.123"}}""",
            sent.BodyText);
        Assert.Equal(("/v5/g2g/create", "gateway.payment.create"), (sent.Uri.AbsolutePath, sent.Header("X-Action")));
        Assert.Equal(created.RequestId, sent.Header("X-Request-Id"));
        string jws = sent.Header("X-JWS-Signature")!;
        Assert.Equal(sent.Body, JWT.DecodeBytes(jws, Key, JwsAlgorithm.HS256, payload: sent.Body));
        Assert.Equal(("/v5/g2g/create", FakeGateway.MerchantId, "POST", ""), ((string)JWT.Headers(jws)["uri"], (string)JWT.Headers(jws)["auth_id"], (string)JWT.Headers(jws)["method"], (string)JWT.Headers(jws)["params"]));
        Assert.Equal(("01978c37-a961-7d20-8434-632242b24d48", "process", 100m), (created.Id, created.Status, created.Amount));
        Assert.Equal("2025-06-20T07:13:31.068188524Z", created.CreatedAt); // nine decimal places: kept as text
    }

    [Fact]
    public async Task The_docs_example_card_fails_the_Luhn_check_and_is_refused_before_anything_is_sent_and_not_repeated()
    {
        using var test = new TestClient();

        var ex = await Assert.ThrowsAsync<FreedomPayValidationException>(() => test.Client.GatewayAsync.CreatePaymentAsync(CardPayment("4400444400004440")));

        Assert.Empty(test.Gateway.Requests);
        Assert.Contains("pan", ex.Message);
        Assert.DoesNotContain("4400444400004440", ex.Message);
    }

    [Fact]
    public async Task A_declined_payment_is_a_reply_with_status_error_and_its_nested_error()
    {
        using var test = new TestClient();
        // The create page's second example, as printed (amount as a string).
        test.Gateway.Respond = _ => Json(HttpStatusCode.OK, """{"amount":"100","created_at":"2025-06-19T14:13:49.812118623Z","error":{"code":"10045","description":"Charge from card declined due to security reasons."},"id":"01978c87-82ad-793f-9a91-eb83d4566410","status":"error"}""");

        CreatePaymentResponse declined = await test.Client.GatewayAsync.CreatePaymentAsync(CardPayment());

        Assert.Equal(("error", "10045", 100m), (declined.Status, declined.Error!.Code, declined.Amount));
        Assert.Equal("Charge from card declined due to security reasons.", declined.Error.Description);
    }

    [Theory]
    [InlineData(422)]
    [InlineData(200)] // the create page's third example: an error alone, under 200
    public async Task A_refusal_is_a_gateway_exception_with_the_nested_code_and_a_money_call_is_not_sent_again(int status)
    {
        using var test = new TestClient();
        test.Gateway.Respond = _ => Json((HttpStatusCode)status, """{"error":{"code":"9403","description":"Incorrectly passed input parameters"}}""");

        var ex = await Assert.ThrowsAsync<FreedomPayGatewayException>(() => test.Client.GatewayAsync.CreatePaymentAsync(CardPayment()));

        Assert.Equal(("9403", "Incorrectly passed input parameters"), (ex.ErrorCode, ex.ErrorDescription));
        Assert.Single(test.Gateway.Requests); // a refusal: nothing was done, and nothing is retried
    }

    [Fact]
    public async Task A_422_without_an_error_code_and_another_4xx_are_protocol_errors()
    {
        using var test = new TestClient();
        test.Gateway.Respond = r => Json(r.Header("X-Action") == "gateway.payment.status" ? HttpStatusCode.UnprocessableEntity : HttpStatusCode.BadRequest, """{"message":"no"}""");

        var noCode = await Assert.ThrowsAsync<FreedomPayProtocolException>(() => test.Client.GatewayAsync.ReadPaymentAsync(new ReadPaymentRequest { Id = "x" }));
        var badRequest = await Assert.ThrowsAsync<FreedomPayProtocolException>(() => test.Client.GatewayAsync.ReadRequestAsync(new ReadRequestRequest { Id = "x" }));

        Assert.Contains("error/code", noCode.Message);
        Assert.Equal(400, badRequest.HttpStatusCode);
    }

    [Fact]
    public async Task The_docs_read_payment_examples_are_read_into_the_typed_reply()
    {
        using var test = new TestClient();
        test.Gateway.Respond = r => Json(HttpStatusCode.OK, r.BodyText.Contains("waiting", StringComparison.Ordinal)
            ? """{"id":"0199765b-a007-7339-93fe-f073ac14aa9b","status":"waiting_3ds","amount":10,"created_at":"2025-09-23T11:35:40.295211818Z","order_id":"order064","from":{"card":{"token":"d9118161-8840-44e6-9cfa-91496c6bd653","brand":"VI"}},"3ds":{"acs_url":"https://secure-pg.freedompay.kz/v2/user/3ds-page/e3a549b9","flow_type":"C"}}"""
            : """{"id":"01978d0e-b956-7ea2-9a42-32cff1f44ede","status":"success","amount":100,"created_at":"2025-06-20T07:13:31.068188524Z","order_id":"1234","clearing":{"cleared":true,"amount":100},"from":{"card":{"token":"01978d11-669e-7dd1-bf1b-75a12bf57ca9","brand":"VI"}},"refund_payments":[{"id":"01978d53-4748-74c1-9c0a-0ca2b64b9c1b","amount":-100,"status":"success"}],"additional":{"approval_code":"95F69T","reference":"1234567891234","intreference":"AC1BFED11052BFAC"},"3ds":{"acs_url":"","flow_type":"F"}}""");

        ReadPaymentResponse waiting = await test.Client.GatewayAsync.ReadPaymentAsync(new ReadPaymentRequest { OrderId = "waiting" });
        ReadPaymentResponse success = await test.Client.GatewayAsync.ReadPaymentAsync(new ReadPaymentRequest { OrderId = "1234" });

        Assert.Equal(("waiting_3ds", "C", "https://secure-pg.freedompay.kz/v2/user/3ds-page/e3a549b9"), (waiting.Status, waiting.ThreeDs!.FlowType, waiting.ThreeDs.AcsUrl));
        Assert.Null(waiting.Clearing);
        Assert.Equal(("success", true, 100m, "95F69T"), (success.Status, success.Clearing!.Cleared, success.Clearing.Amount, success.Additional!.ApprovalCode));
        RefundPayment refund = Assert.Single(success.RefundPayments);
        Assert.Equal((-100m, "success"), (refund.Amount, refund.Status));
        Assert.DoesNotContain("01978d11-669e-7dd1-bf1b-75a12bf57ca9", success.From!.Card!.ToString()); // a card token is masked
    }

    [Fact]
    public async Task The_docs_empty_read_reply_is_a_protocol_error_naming_the_missing_id()
    {
        using var test = new TestClient();
        test.Gateway.Respond = _ => Json(HttpStatusCode.OK, "{}");

        var ex = await Assert.ThrowsAsync<FreedomPayProtocolException>(() => test.Client.GatewayAsync.ReadPaymentAsync(new ReadPaymentRequest { Id = "x" }));

        Assert.Contains("id", ex.Message);
    }

    [Fact]
    public async Task Each_edit_and_read_request_sends_its_action_and_the_docs_body()
    {
        using var test = new TestClient();
        test.Gateway.Respond = r => Json(HttpStatusCode.OK, r.Header("X-Action") switch
        {
            "gateway.payment.refund" => """{"id":"p-1","amount":100,"refund_payment":{"id":"r-1","status":"process","amount":-100}}""",
            "gateway.payment.reverse" => """{"id":"p-1","amount":100,"reverse_payment":{"id":"v-1","status":"process"}}""",
            "gateway.payment.clearing" => """{"id":"p-1","status":"process_clearing","amount":100,"created_at":"2025-06-13T13:22:25.900953117Z","clearing":{"amount":0}}""",
            _ => """{"id":"23fce447-82ad-45df-be37-a67151e2e299","status":"error","response":{"id":"bfe49b6e","status":"error","amount":0,"created_at":"0001-01-01T00:00:00Z","error":{"code":"1202","description":"Incorrect payment id"}}}""",
        });

        RefundResponse refund = await test.Client.GatewayAsync.RefundAsync(new RefundRequest { Id = "p-1", Amount = 100m });
        ReverseResponse reverse = await test.Client.GatewayAsync.ReverseAsync(new ReverseRequest { Id = "p-1" });
        ClearingResponse clearing = await test.Client.GatewayAsync.ClearingAsync(new ClearingRequest { Id = "p-1", Amount = 100m });
        ReadRequestResponse request = await test.Client.GatewayAsync.ReadRequestAsync(new ReadRequestRequest { Id = refund.RequestId! });

        Assert.Equal(
            new[] { ("/v5/g2g/edit", "gateway.payment.refund", """{"id":"p-1","amount":100}"""), ("/v5/g2g/edit", "gateway.payment.reverse", """{"id":"p-1"}"""), ("/v5/g2g/edit", "gateway.payment.clearing", """{"id":"p-1","amount":100}"""), ("/v5/g2g/read", "gateway.request.status", "{\"id\":\"" + refund.RequestId + "\"}") },
            test.Gateway.Requests.Select(r => (r.Uri.AbsolutePath, r.Header("X-Action")!, r.BodyText)).ToArray());
        Assert.Equal(("r-1", "process", -100m), (refund.RefundPayment.Id, refund.RefundPayment.Status, refund.RefundPayment.Amount));
        Assert.Equal("v-1", reverse.ReversePayment.Id);
        Assert.Equal(("process_clearing", 0m), (clearing.Status, clearing.Clearing.Amount));
        Assert.Equal(("error", "1202"), (request.Status, request.Response.Error!.Code)); // the request failed; reading it did not
    }

    private static HttpResponseMessage Json(HttpStatusCode status, string json) =>
        new(status) { Content = new StringContent(json, Encoding.UTF8, "application/json") };
}
