using System;
using System.Net;
using System.Net.Http;
using System.Text;
using System.Text.Json;
using System.Threading.Tasks;
using FreedomPay.Client.Tests.Infrastructure;
using FreedomPay.Partner;
using FreedomPay.TestSupport;
using Jose;

namespace FreedomPay.Client.Tests;

/// <summary>
/// The Partner API on the wire, as its pages print it: the rates upload body of freedompay.kz/docs-en/partners/intro
/// signed with a detached HS256 JWS (uri, auth_id), and the wallet block with its request_id (a version 7 UUID, as
/// the Partner pages ask) in the body (kg api-13677917).
/// </summary>
public sealed class PartnerWireTests
{
    private static readonly byte[] Key = Encoding.UTF8.GetBytes(FakeGateway.Secret);

    [Fact]
    public async Task Add_rates_sends_the_docs_example_body_signed_with_a_detached_HS256_JWS()
    {
        using var test = new TestClient();
        test.Gateway.Respond = _ => Json("""{"status":"ok"}""");

        AddRatesResponse added = await test.Client.Partner.AddRatesAsync(new AddRatesRequest
        {
            Rates =
            [
                new PartnerRate { CurrencyFrom = "USD", CurrencyTo = "KZT", Rate = 123.123456m, RateType = "p2p", StartDate = new DateTime(2023, 9, 20, 12, 0, 0), EndDate = new DateTime(2023, 9, 20, 12, 0, 0) },
                new PartnerRate { CurrencyFrom = "EUR", CurrencyTo = "KZT", Rate = 123.123456m },
            ],
        });

        CapturedRequest sent = Assert.Single(test.Gateway.Requests);
        Assert.Equal(
            """{"rates":[{"currency_from":"USD","currency_to":"KZT","rate":123.123456,"rate_type":"p2p","start_date":"2023-09-20 12:00:00","end_date":"2023-09-20 12:00:00"},{"currency_from":"EUR","currency_to":"KZT","rate":123.123456}]}""",
            sent.BodyText);
        string jws = sent.Header("X-JWS-Signature")!;
        Assert.Equal(sent.Body, JWT.DecodeBytes(jws, Key, JwsAlgorithm.HS256, payload: sent.Body));
        Assert.Equal(("/v5/partner/rates/add", FakeGateway.MerchantId), ((string)JWT.Headers(jws)["uri"], (string)JWT.Headers(jws)["auth_id"]));
        Assert.Equal(ResultStatus.Ok, added.Status);
    }

    [Fact]
    public async Task Block_wallet_carries_a_version_7_request_id_in_the_body()
    {
        using var test = new TestClient();
        test.Gateway.Respond = _ => Json("""{"status":"ok","request_status":"success","dt":"2019-08-24T14:15:22Z"}""");

        BlockWalletResponse blocked = await test.Client.Partner.BlockWalletAsync(new BlockWalletRequest { Identifier = "77011234567", Description = "fraud" });

        using JsonDocument body = JsonDocument.Parse(Assert.Single(test.Gateway.Requests).Body);
        Assert.Equal(blocked.RequestId, body.RootElement.GetProperty("request_id").GetString());
        Assert.Matches("^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$", blocked.RequestId);
        Assert.Equal(("success", "2019-08-24T14:15:22Z"), (blocked.RequestStatus, blocked.Dt));
    }

    [Fact]
    public async Task Add_client_nests_the_company_and_its_address_as_the_docs_example_does()
    {
        using var test = new TestClient();
        test.Gateway.Respond = _ => Json("""{"status":"ok","request_status":"accepted","dt":"2025-03-18T10:00:10+05:00"}""");

        AddClientResponse added = await test.Client.Partner.AddClientAsync(new AddClientRequest
        {
            Company = new ClientCompany
            {
                CompanyId = "c-1", Name = "Sandbox LLP", Bin = "123456789012", Iban = "KZ000000000000000000", LegalType = "LLP",
                Address = new ClientAddress { Country = "KZ", PostalCode = "050000", AddressLine1 = "Almaty", AddressLine2 = "Zheltoksan", AddressLine3 = "115" },
            },
        });

        CapturedRequest sent = Assert.Single(test.Gateway.Requests);
        Assert.Equal("/v5/partner/client/add", sent.Uri.AbsolutePath);
        Assert.Equal(
            "{\"request_id\":\"" + added.RequestId + "\",\"company\":{\"company_id\":\"c-1\",\"name\":\"Sandbox LLP\",\"bin\":\"123456789012\","
            + "\"address\":{\"country\":\"KZ\",\"postal_code\":\"050000\",\"address_line1\":\"Almaty\",\"address_line2\":\"Zheltoksan\",\"address_line3\":\"115\"},"
            + "\"iban\":\"KZ000000000000000000\",\"legal_type\":\"LLP\"}}",
            sent.BodyText);
        Assert.Equal(sent.Body, JWT.DecodeBytes(sent.Header("X-JWS-Signature")!, Key, JwsAlgorithm.HS256, payload: sent.Body));
        Assert.Equal((ResultStatus.Ok, "accepted"), (added.Status, added.RequestStatus));
    }

    private static HttpResponseMessage Json(string json) =>
        new(HttpStatusCode.OK) { Content = new StringContent(json, Encoding.UTF8, "application/json") };
}
