using System;
using System.Collections.Generic;
using System.Linq;
using System.Web;
using System.Threading.Tasks;
using FreedomPay.Cards;
using FreedomPay.Client.Tests.Infrastructure;
using FreedomPay.Payouts;
using FreedomPay.TestSupport;

namespace FreedomPay.Client.Tests;

/// <summary>
/// What the Saved cards and Payouts operations put on the wire (spec/freedompay.cards.yaml, spec/freedompay.payouts.yaml):
/// paths with the client's merchant id, field names in order, the signature script where the docs override it
/// (add2), and the payout key signing the Payouts area and verifying its replies, checked with the test-side
/// implementation of the signature rule.
/// </summary>
public sealed class CardsAndPayoutsWireTests
{
    private const string PayoutKey = "test-payout-key";

    [Fact]
    public async Task Card_operations_put_the_merchant_id_into_the_path_and_sign_with_the_main_key_for_their_last_segment()
    {
        using var test = new TestClient();
        test.Gateway.Respond = r => FakeGateway.Xml(FakeGateway.SignedReply(FakeGateway.ScriptOf(r), ("pg_status", "ok"), ("pg_payment_id", "900"), ("pg_redirect_url", "https://gateway.test/save")));
        CardsClient cards = test.Client.Cards;

        await cards.AddAsync(new AddRequest { UserId = "u-1", BackLink = "https://shop.test/back", PostLink = "https://shop.test/saved" });
        await cards.InitAsync(new InitRequest { OrderId = "O-1", Amount = 300m, Description = "Refill", UserId = "u-1", CardToken = "tok-1" });
        await cards.DirectAsync(new DirectRequest { PaymentId = 900 });

        CapturedRequest[] sent = test.Gateway.Requests.ToArray();
        Assert.Equal(
            new[] { "/v1/merchant/12345/cardstorage/add", "/v1/merchant/12345/card/init", "/v1/merchant/12345/card/direct" },
            sent.Select(r => r.Uri.AbsolutePath));
        Assert.Equal(new[] { "pg_merchant_id", "pg_user_id", "pg_post_link", "pg_back_link", "pg_salt", "pg_sig" }, sent[0].Names);
        Assert.Equal(new[] { "pg_merchant_id", "pg_order_id", "pg_amount", "pg_description", "pg_user_id", "pg_card_token", "pg_salt", "pg_sig" }, sent[1].Names);
        Assert.Equal(new[] { "pg_merchant_id", "pg_payment_id", "pg_salt", "pg_sig" }, sent[2].Names);
        Assert.Equal(("add", "init", "direct"), (Sig("add", sent[0], FakeGateway.Secret), Sig("init", sent[1], FakeGateway.Secret), Sig("direct", sent[2], FakeGateway.Secret)));
    }

    [Fact]
    public async Task A_saved_card_payment_sends_the_documented_receipt_lines_and_loyalty_fields_signed()
    {
        // api-11620900 lists pg_receipt_positions[0][count|name|tax_type|price], pg_loyalty_id, pg_loyalty_amount and
        // pg_freedom_id for card/init; the receipt lines are bracketed fields, signed like the rest.
        using var test = new TestClient();
        test.Gateway.Respond = r => FakeGateway.Xml(FakeGateway.SignedReply("init", ("pg_status", "ok"), ("pg_payment_id", "900")));

        await test.Client.Cards.InitAsync(new InitRequest
        {
            OrderId = "O-2", Amount = 300m, Description = "Refill", UserId = "u-1", CardToken = "tok-1",
            ReceiptPositions = new[] { new CardReceiptPosition { Count = 1, Name = "Refill", Price = 300m, TaxType = TaxType.Vat12 } },
            LoyaltyId = 77, LoyaltyAmount = 10.5m, FreedomId = "fid-1",
        });

        CapturedRequest sent = test.Gateway.Single;
        Assert.Equal(
            new[]
            {
                "pg_merchant_id", "pg_order_id", "pg_amount", "pg_description", "pg_user_id", "pg_card_token",
                "pg_receipt_positions[0][count]", "pg_receipt_positions[0][name]", "pg_receipt_positions[0][tax_type]", "pg_receipt_positions[0][price]",
                "pg_loyalty_id", "pg_loyalty_amount", "pg_freedom_id", "pg_salt", "pg_sig",
            },
            sent.Names);
        Assert.Equal(("2", "300", "77", "10.5"), (sent["pg_receipt_positions[0][tax_type]"], sent["pg_receipt_positions[0][price]"], sent["pg_loyalty_id"], sent["pg_loyalty_amount"]));
        Assert.Equal("init", Sig("init", sent, FakeGateway.Secret));
    }

    [Fact]
    public async Task A_receipt_line_priced_outside_the_documented_bounds_is_refused_before_sending()
    {
        using var test = new TestClient();

        var error = await Assert.ThrowsAsync<FreedomPayValidationException>(() => test.Client.Cards.InitAsync(new InitRequest
        {
            OrderId = "O-3", Amount = 300m, Description = "Refill", UserId = "u-1", CardToken = "tok-1",
            ReceiptPositions = new[] { new CardReceiptPosition { Count = 1, Name = "Free", Price = 0m }, new CardReceiptPosition { Count = 1, Name = "Dear", Price = 10000000m } },
        }));

        Assert.Equal(new[] { "pg_receipt_positions[0][price]", "pg_receipt_positions[1][price]" }, error.Errors.Select(e => e.WireName));
        Assert.Empty(test.Gateway.Requests);
    }

    [Fact]
    public void The_cvc_page_is_a_signed_get_address_with_the_merchant_id_in_its_path_and_nothing_is_sent()
    {
        using var test = new TestClient();

        FreedomPayRedirect redirect = test.Client.Cards.CvcPage(new CvcPageRequest { PaymentId = 901 });

        Assert.Equal(("GET", "/v1/merchant/12345/card/pay"), (redirect.Method, redirect.Url.AbsolutePath));
        var query = HttpUtility.ParseQueryString(redirect.Url.Query);
        var fields = query.AllKeys.Select(k => new KeyValuePair<string, string>(k!, query[k]!)).ToList();
        Assert.Equal(new[] { "pg_merchant_id", "pg_payment_id", "pg_salt", "pg_sig" }, fields.Select(f => f.Key));
        Assert.Equal(ReferenceSignature.Sign("pay", fields.Where(f => f.Key != "pg_sig"), FakeGateway.Secret), query["pg_sig"]);
        Assert.Empty(test.Gateway.Requests);
    }

    [Fact]
    public async Task Payouts_are_signed_with_the_payout_key_and_a_reply_signed_with_the_main_key_is_refused()
    {
        using var test = new TestClient(o => o.SecretKeys["payout"] = PayoutKey);
        string replyKey = PayoutKey;
        test.Gateway.Respond = r => FakeGateway.Xml(FakeGateway.SignedReply(FakeGateway.ScriptOf(r), "response", replyKey, ("pg_status", "ok"), ("pg_payment_id", "950"), ("pg_balance", "600")));
        PayoutsClient payouts = test.Client.Payouts;

        ToSavedCardResponse payout = await payouts.ToSavedCardAsync(new ToSavedCardRequest
        {
            OrderId = "P-1", Amount = 400m, Description = "Winnings", OrderTimeLimit = new DateTime(2026, 12, 31, 12, 0, 0),
            UserId = "u-1", CardTokenTo = "tok-1", PostLink = "https://shop.test/payout",
        });
        await payouts.BalanceAsync(new BalanceRequest());
        replyKey = FakeGateway.Secret; // a reply signed with the main key is not the payout gateway's
        await Assert.ThrowsAsync<FreedomPaySignatureException>(() => payouts.BalanceAsync(new BalanceRequest()));

        CapturedRequest[] sent = test.Gateway.Requests.ToArray();
        Assert.Equal(new[] { "/api/reg2reg", "/api/balance_status", "/api/balance_status" }, sent.Select(r => r.Uri.AbsolutePath));
        Assert.Equal(
            new[] { "pg_merchant_id", "pg_order_id", "pg_amount", "pg_description", "pg_order_time_limit", "pg_user_id", "pg_post_link", "pg_card_token_to", "pg_salt", "pg_sig" },
            sent[0].Names);
        Assert.Equal(("2026-12-31 12:00:00", "400"), (sent[0]["pg_order_time_limit"], sent[0]["pg_amount"]));
        Assert.Equal("reg2reg", Sig("reg2reg", sent[0], PayoutKey));
        Assert.Equal("balance_status", Sig("balance_status", sent[1], PayoutKey));
        Assert.NotEqual(ReferenceSignature.Sign("reg2reg", Unsigned(sent[0]), FakeGateway.Secret), sent[0]["pg_sig"]);
        Assert.Equal((950L, (decimal?)600m), (payout.PaymentId, payout.Balance));
    }

    [Fact]
    public async Task The_payout_card_token_call_signs_with_the_script_the_docs_name_add2_not_its_last_segment()
    {
        using var test = new TestClient(o => o.SecretKeys["payout"] = PayoutKey);
        test.Gateway.Respond = r => FakeGateway.Xml(FakeGateway.SignedReply("add2", "response", PayoutKey, ("pg_status", "ok"), ("pg_payment_id", "960"), ("pg_redirect_url", "https://gateway.test/save")));

        await test.Client.Payouts.AddCardAsync(new AddCardRequest { UserId = "payee-1", BackLink = "https://shop.test/back" });

        CapturedRequest sent = test.Gateway.Single;
        Assert.Equal("/v1/merchant/12345/cardstoragepayout/add", sent.Uri.AbsolutePath);
        Assert.Equal("add2", Sig("add2", sent, PayoutKey));
        Assert.NotEqual(ReferenceSignature.Sign("add", Unsigned(sent), PayoutKey), sent["pg_sig"]);
    }

    [Fact]
    public async Task Two_clients_call_their_own_merchant_paths_with_their_own_payout_keys()
    {
        using var first = new TestClient(o => o.SecretKeys["payout"] = "payout-of-12345");
        using var second = new TestClient(o => { o.MerchantId = "67890"; o.SecretKey = "secret-of-67890"; o.SecretKeys["payout"] = "payout-of-67890"; });
        first.Gateway.Respond = r => FakeGateway.Xml(FakeGateway.SignedReply("add2", "response", "payout-of-12345", ("pg_status", "ok"), ("pg_payment_id", "1"), ("pg_redirect_url", "https://gateway.test/a")));
        second.Gateway.Respond = r => FakeGateway.Xml(FakeGateway.SignedReply("add2", "response", "payout-of-67890", ("pg_status", "ok"), ("pg_payment_id", "2"), ("pg_redirect_url", "https://gateway.test/b")));

        await first.Client.Payouts.AddCardAsync(new AddCardRequest { UserId = "p", BackLink = "https://shop.test/back" });
        await second.Client.Payouts.AddCardAsync(new AddCardRequest { UserId = "p", BackLink = "https://shop.test/back" });

        Assert.Equal(("/v1/merchant/12345/cardstoragepayout/add", "/v1/merchant/67890/cardstoragepayout/add"), (first.Gateway.Single.Uri.AbsolutePath, second.Gateway.Single.Uri.AbsolutePath));
        Assert.Equal(("12345", "67890"), (first.Gateway.Single["pg_merchant_id"], second.Gateway.Single["pg_merchant_id"]));
        Assert.Equal("add2", Sig("add2", first.Gateway.Single, "payout-of-12345"));
        Assert.Equal("add2", Sig("add2", second.Gateway.Single, "payout-of-67890"));
    }

    [Fact]
    public async Task Every_other_card_and_payout_operation_goes_to_its_path_signed_for_its_script_with_its_areas_key()
    {
        using var test = new TestClient(o => o.SecretKeys["payout"] = PayoutKey);
        test.Gateway.Respond = r =>
        {
            // Each area's replies are signed with the key its requests are.
            string key = r.Uri.AbsolutePath.Contains("/cardstorage/", StringComparison.Ordinal) || r.Uri.AbsolutePath.StartsWith("/g2g/", StringComparison.Ordinal) ? FakeGateway.Secret : PayoutKey;
            return FakeGateway.Xml(FakeGateway.SignedReply(FakeGateway.ScriptOf(r), "response", key, ("pg_status", "ok"), ("pg_payment_id", "1"), ("pg_redirect_url", "https://gateway.test/p"), ("pg_balance", "1")));
        };
        PayoutsClient payouts = test.Client.Payouts;

        await test.Client.Cards.ListAsync(new ListRequest { UserId = "u-1" });
        await test.Client.Cards.RemoveAsync(new RemoveRequest { UserId = "u-1", CardToken = "tok-1" });
        await payouts.ToUnsavedCardAsync(new ToUnsavedCardRequest
        {
            OrderId = "P-2", Amount = 10m, Description = "x", OrderTimeLimit = new DateTime(2026, 12, 31), BackLink = "https://shop.test/b", PostLink = "https://shop.test/p",
        });
        await payouts.ToIbanAsync(new ToIbanRequest
        {
            OrderId = "P-3", Amount = 10m, Description = "x", PostLink = "https://shop.test/p", RecipientIban = "KZ86125KZT5004100100",
            RecipientIin = "761223455678", RecipientName = "IVANOV IVAN", RecipientKbe = "19", Knp = "119", BankBik = "KZZSAE",
        });
        await payouts.StatusAsync(new Payouts.StatusRequest { PaymentId = 5 });
        await payouts.StatusV2Async(new StatusV2Request { OrderId = "P-2" });
        await payouts.StatusByOrderAsync(new StatusByOrderRequest { OrderId = "P-2" });
        await test.Client.GatewayPayments.StatusAsync(new GatewayPayments.StatusRequest { PaymentId = 5, OrderId = "P-2" });

        var expected = new[]
        {
            ("/v1/merchant/12345/cardstorage/list", "list", FakeGateway.Secret),
            ("/v1/merchant/12345/cardstorage/remove", "remove", FakeGateway.Secret),
            ("/api/reg2nonreg", "reg2nonreg", PayoutKey),
            ("/api/to_iban", "to_iban", PayoutKey),
            ("/api/payment_status", "payment_status", PayoutKey),
            ("/api/payment_status2", "payment_status2", PayoutKey),
            ("/get_status2.php", "get_status2.php", PayoutKey),
            ("/g2g/status_v2", "status_v2", FakeGateway.Secret), // the Gateway API's status: the main key, not the payout key
        };
        CapturedRequest[] sent = test.Gateway.Requests.ToArray();
        Assert.Equal(expected.Select(e => e.Item1), sent.Select(r => r.Uri.AbsolutePath));
        for (int i = 0; i < expected.Length; i++)
        {
            Assert.Equal(expected[i].Item2, Sig(expected[i].Item2, sent[i], expected[i].Item3));
            Assert.Equal("12345", sent[i]["pg_merchant_id"]);
        }

        Assert.Equal(new[] { "pg_merchant_id", "pg_user_id", "pg_card_token", "pg_salt", "pg_sig" }, sent[1].Names);
        Assert.Equal(("2026-12-31 00:00:00", "KZ86125KZT5004100100"), (sent[2]["pg_order_time_limit"], sent[3]["pg_recipient_iban"]));
    }

    /// <summary>The script whose reference signature matches the request's pg_sig (the given one, or "none").</summary>
    private static string Sig(string script, CapturedRequest sent, string secret)
    {
        Assert.Equal("pg_sig", sent.Names.Last());
        return ReferenceSignature.Sign(script, Unsigned(sent), secret) == sent["pg_sig"] ? script : "none";
    }

    private static IEnumerable<KeyValuePair<string, string>> Unsigned(CapturedRequest sent) =>
        sent.Fields.Where(f => f.Key != "pg_sig");
}
