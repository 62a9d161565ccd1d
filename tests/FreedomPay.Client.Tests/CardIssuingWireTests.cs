using System;
using System.Net;
using System.Net.Http;
using System.Text;
using System.Text.Json;
using System.Threading.Tasks;
using FreedomPay.CardIssuing;
using FreedomPay.Client.Tests.Infrastructure;
using FreedomPay.TestSupport;
using Jose;

namespace FreedomPay.Client.Tests;

/// <summary>
/// The Card API (card issuing) on the wire, as its pages print it (api-12074991, api-12075208, api-14318477, kg
/// api-13677899): the call's request_id in the body, a detached HS512 JWS over it, the reply {status,
/// request_status, dt}; a refund is never sent twice, and RequestStatus reads a request by the id the call used.
/// </summary>
public sealed class CardIssuingWireTests
{
    private static readonly byte[] Key = Encoding.UTF8.GetBytes(FakeGateway.Secret);

    [Fact]
    public async Task Unblock_sends_the_calls_request_id_in_the_body_signed_with_a_detached_HS512_JWS()
    {
        using var test = new TestClient();
        test.Gateway.Respond = _ => Json(HttpStatusCode.OK, """{"status":"ok","request_status":"success","dt":"2025-03-01T12:05:42+05:00"}""");

        UnblockCardResponse unblocked = await test.Client.CardIssuing.UnblockCardAsync(new UnblockCardRequest { CardId = "card-1", Description = "found again" });

        CapturedRequest sent = Assert.Single(test.Gateway.Requests);
        using JsonDocument body = JsonDocument.Parse(sent.Body);
        Assert.Equal("/v5/card-api/card/unblock", sent.Uri.AbsolutePath);
        Assert.Equal(unblocked.RequestId, body.RootElement.GetProperty("request_id").GetString());
        Assert.Equal("{\"request_id\":\"" + unblocked.RequestId + "\",\"card_id\":\"card-1\",\"description\":\"found again\"}", sent.BodyText);
        string jws = sent.Header("X-JWS-Signature")!;
        Assert.Equal(sent.Body, JWT.DecodeBytes(jws, Key, JwsAlgorithm.HS512, payload: sent.Body));
        Assert.Equal(("/v5/card-api/card/unblock", FakeGateway.MerchantId), ((string)JWT.Headers(jws)["uri"], (string)JWT.Headers(jws)["auth_id"]));
        Assert.Equal((ResultStatus.Ok, "success", "2025-03-01T12:05:42+05:00"), (unblocked.Status, unblocked.RequestStatus, unblocked.Dt));
    }

    [Fact]
    public async Task A_refund_whose_reply_is_lost_is_not_sent_again_and_request_status_reads_it_by_the_id_it_used()
    {
        using var test = new TestClient();
        int calls = 0;
        test.Gateway.Respond = _ => ++calls == 1
            ? new HttpResponseMessage(HttpStatusCode.BadGateway)
            : Json(HttpStatusCode.OK, """{"status":"ok","request_status":"success","cards":[{"card_id":"card-1"}],"client_id":"c-7","dt":"2025-03-01T12:05:42+05:00"}""");

        var lost = await Assert.ThrowsAsync<FreedomPayOutcomeUnknownException>(() => test.Client.CardIssuing.RefundTransactionAsync(new RefundTransactionRequest
        {
            OrderId = "R-1", TransactionId = "tx-9", Description = "returned goods", Amount = 1500m, RequestId = "7f1c2a3e-0000-4000-8000-000000000001",
        }));
        RequestStatusResponse status = await test.Client.CardIssuing.RequestStatusAsync(new RequestStatusRequest { RequestToRead = lost.RequestId! });

        Assert.Equal(2, test.Gateway.Requests.Count); // the refund once (the card API promises no deduplication), then the read
        Assert.Equal("7f1c2a3e-0000-4000-8000-000000000001", lost.RequestId);
        Assert.Equal("{\"request_id\":\"7f1c2a3e-0000-4000-8000-000000000001\"}", test.Gateway.Requests[1].BodyText);
        Assert.Equal(("success", "card-1", "c-7"), (status.RequestStatus, Assert.Single(status.Cards).CardId, status.ClientId));
    }

    [Fact]
    public async Task An_error_reply_is_a_gateway_exception_with_the_error_code()
    {
        using var test = new TestClient();
        test.Gateway.Respond = _ => Json(HttpStatusCode.OK, """{"status":"error","request_status":"error","dt":"2025-03-01T12:05:42+05:00","error_code":"404","error_description":"Card not found"}""");

        var ex = await Assert.ThrowsAsync<FreedomPayGatewayException>(() => test.Client.CardIssuing.CloseCardAsync(new CloseCardRequest { CardId = "nope", Description = "lost" }));

        Assert.Equal(("404", "Card not found"), (ex.ErrorCode, ex.ErrorDescription));
    }

    // Vectors computed outside .NET (Python 3: hashlib.sha256(body + key).hexdigest(); hmac SHA-512 over
    // base64url(header) + "." + base64url(body)) for this body, key "test-secret-key" and merchant 12345.
    private const string VectorBody = """{"request_id":"0197a000-0000-7000-8000-000000000001","card_id":"card-1","description":"found again"}""";
    private const string VectorSign = "a9482df4e91f27f4208f081700966e040a87f77330d3e736586d33bd3a85a28c";
    private const string VectorJws = "eyJ1cmkiOiIvdjUvY2FyZC1hcGkvY2FyZC91bmJsb2NrIiwiYXV0aF9pZCI6IjEyMzQ1IiwibWV0aG9kIjoiUE9TVCIsInBhcmFtcyI6IiIsImFsZyI6IkhTNTEyIn0..2wQPol4zIWf2GxEfDNjGCFkl2tmAy5ehlad-NrqLxz4h1u1wp9jfyUQOnfOaRSA51g1UaT2yKBjpQV8pdLgW7w";

    [Theory]
    [InlineData("https://api.freedompay.uz/", "Sign")]
    [InlineData("https://api.freedompay.kz/", "X-JWS-Signature")]
    [InlineData("https://api.freedompay.kg/", "X-JWS-Signature")]
    public async Task Each_server_is_signed_its_own_way_and_matches_vectors_computed_outside_dotnet(string server, string header)
    {
        using var test = new TestClient(o => o.BaseAddress = new Uri(server));
        test.Gateway.Respond = _ => Json(HttpStatusCode.OK, """{"status":"ok","request_status":"success","dt":"2025-03-01T12:05:42+05:00"}""");

        await test.Client.CardIssuing.UnblockCardAsync(new UnblockCardRequest { CardId = "card-1", Description = "found again", RequestId = "0197a000-0000-7000-8000-000000000001" });

        CapturedRequest sent = Assert.Single(test.Gateway.Requests);
        Assert.Equal(VectorBody, sent.BodyText);
        Assert.Equal(header == "Sign" ? VectorSign : VectorJws, sent.Header(header));
        Assert.Equal(header == "Sign" ? FakeGateway.MerchantId : null, sent.Header("Auth-Id"));
        Assert.Null(sent.Header(header == "Sign" ? "X-JWS-Signature" : "Sign")); // one scheme per call
        // The .uz server's own header: the call's request id, the one the body carries; the others send none.
        Assert.Equal(header == "Sign" ? "0197a000-0000-7000-8000-000000000001" : null, sent.Header("Request-Id"));
    }

    [Fact]
    public async Task A_call_without_a_body_request_id_gets_one_for_the_uz_servers_request_id_header_and_names_it()
    {
        using var uz = new TestClient(o => o.BaseAddress = CardIssuingServers.Uz);
        using var kz = new TestClient(o => o.BaseAddress = CardIssuingServers.Kz);
        uz.Gateway.Respond = kz.Gateway.Respond = _ => Json(HttpStatusCode.OK, """{"status":"ok","request_status":"done","operations":[],"dt":"2025-03-01T12:05:42+05:00"}""");

        StatementResponse atUz = await uz.Client.CardIssuing.StatementAsync(new StatementRequest { CardId = "card-1" });
        StatementResponse atKz = await kz.Client.CardIssuing.StatementAsync(new StatementRequest { CardId = "card-1" });

        Assert.Matches("^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$", atUz.RequestId);
        Assert.Equal(atUz.RequestId, uz.Gateway.Single.Header("Request-Id"));
        Assert.Equal("""{"card_id":"card-1"}""", uz.Gateway.Single.BodyText); // the body stays the page's
        Assert.Null(kz.Gateway.Single.Header("Request-Id"));
        Assert.Null(atKz.RequestId); // nothing was sent under an id
    }

    [Fact]
    public async Task Statement_sends_no_request_id_and_reads_the_docs_example_reply_leaving_the_merchant_object_in_raw()
    {
        using var test = new TestClient();
        test.Gateway.Respond = _ => Json(HttpStatusCode.OK, """
            {"status":"ok","request_status":"done","operations":[{"type":"purchase","amount":1500.5,"commission":0,"currency":"KZT","mcc":5411,
             "datetime":"2019-08-24T14:15:22Z","rrn":"123456789012","merchant":{"name":"Shop"}}],"dt":"2019-08-24T14:15:22Z"}
            """);

        StatementResponse statement = await test.Client.CardIssuing.StatementAsync(new StatementRequest
        {
            CardId = "card-1", StartDate = new DateTimeOffset(2025, 3, 1, 0, 0, 0, TimeSpan.FromHours(5)),
        });

        CapturedRequest sent = Assert.Single(test.Gateway.Requests);
        Assert.Equal("/v5/card-api/card/statement", sent.Uri.AbsolutePath);
        Assert.Equal("""{"card_id":"card-1","start_date":"2025-03-01T00:00:00+05:00"}""", sent.BodyText); // the page's body has no request_id
        Assert.Null(statement.RequestId);
        CardOperation operation = Assert.Single(statement.Operations);
        Assert.Equal(("purchase", 1500.5m, 0m, "KZT", 5411L, "123456789012"), (operation.Type, operation.Amount, operation.Commission, operation.Currency, operation.Mcc, operation.Rrn));
        Assert.Equal(new DateTimeOffset(2019, 8, 24, 14, 15, 22, TimeSpan.Zero), operation.Datetime);
    }

    [Fact]
    public async Task Statement_extended_reads_the_card_and_its_accounts_and_leaves_the_lists_it_does_not_describe_in_raw()
    {
        using var test = new TestClient();
        test.Gateway.Respond = _ => Json(HttpStatusCode.OK, """
            {"status":"ok","request_status":"done","client_id":"c-9","card":{"card_id":"card-1","card_mask":"440000******0001"},
             "balances":{"accounts":[{"iban":"KZ000000000000000000","currency":"KZT","debit":1000,"credit":400,"amount":99400.25,"blocked_amount":0}]},
             "authorizations":[{"datetime":"2019-08-24T14:15:22Z","type":"hold","amount":5}],"operations":[]}
            """);

        StatementExtendedResponse extended = await test.Client.CardIssuing.StatementExtendedAsync(new StatementExtendedRequest
        {
            CardId = "card-1", StartDate = new DateTimeOffset(2025, 3, 1, 0, 0, 0, TimeSpan.FromHours(5)), EndDate = new DateTimeOffset(2025, 3, 31, 23, 59, 59, TimeSpan.FromHours(5)),
        });

        Assert.Equal("""{"card_id":"card-1","start_date":"2025-03-01T00:00:00+05:00","end_date":"2025-03-31T23:59:59+05:00"}""", Assert.Single(test.Gateway.Requests).BodyText);
        Assert.Equal(("c-9", "card-1", "440000******0001"), (extended.ClientId, extended.Card!.CardId, extended.Card.CardMask));
        CardAccount account = Assert.Single(extended.Balances!.Accounts);
        Assert.Equal(("KZ000000000000000000", "KZT", 1000m, 400m, 99400.25m, 0m), (account.Iban, account.Currency, account.Debit, account.Credit, account.Amount, account.BlockedAmount));
    }

    private static HttpResponseMessage Json(HttpStatusCode status, string json) =>
        new(status) { Content = new StringContent(json, Encoding.UTF8, "application/json") };
}
