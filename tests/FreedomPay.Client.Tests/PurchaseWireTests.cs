using System.Collections.Generic;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Threading.Tasks;
using FreedomPay.Client.Tests.Infrastructure;
using FreedomPay.Purchase;
using FreedomPay.TestSupport;

namespace FreedomPay.Client.Tests;

/// <summary>
/// What each Purchase operation puts on the wire (spec/freedompay.purchase.yaml): path, every field name and value in
/// order (receipt positions as bracketed fields), and a pg_sig that the test-side implementation of the reference
/// rule accepts. The calls that move money are sent once, whatever happens to the reply.
/// </summary>
public sealed class PurchaseWireTests
{
    [Fact]
    public async Task Init_sends_a_card_payment_with_receipt_positions_and_the_merchants_parameters()
    {
        using var test = new TestClient();
        test.Gateway.Respond = r => FakeGateway.Xml(FakeGateway.SignedReply("init_payment.php", ("pg_status", "ok"), ("pg_payment_id", "777"), ("pg_redirect_url", "https://gateway.test/pay/card?id=777")));

        InitResponse init = await test.Client.Purchase.InitAsync(new InitRequest
        {
            OrderId = "A-1", Amount = 1500m, Description = "Order A-1", AutoClearing = false, RecurringStart = true,
            ReceiptPositions = new[]
            {
                new ReceiptPosition { Count = 2, Name = "Mouse pad", Price = 750m, TaxType = TaxType.Vat12 },
                new ReceiptPosition { Count = 1, Name = "Gift wrap", Price = 0.01m },
            },
            ExtraParams = new Dictionary<string, string> { ["shop_order"] = "A-1" },
        });

        CapturedRequest sent = test.Gateway.Single;
        Assert.Equal("https://gateway.test/init_payment.php", sent.Uri.ToString());
        Assert.Equal(
            new[]
            {
                "pg_merchant_id", "pg_order_id", "pg_amount", "pg_description", "pg_auto_clearing", "pg_recurring_start",
                "pg_receipt_positions[0][count]", "pg_receipt_positions[0][name]", "pg_receipt_positions[0][tax_type]", "pg_receipt_positions[0][price]",
                "pg_receipt_positions[1][count]", "pg_receipt_positions[1][name]", "pg_receipt_positions[1][price]",
                "shop_order", "pg_salt", "pg_sig",
            },
            sent.Names);
        Assert.Equal(("0", "1", "2", "750"), (sent["pg_auto_clearing"], sent["pg_recurring_start"], sent["pg_receipt_positions[0][tax_type]"], sent["pg_receipt_positions[0][price]"]));
        AssertSigned("init_payment.php", sent);
        Assert.Equal((777L, "https://gateway.test/pay/card?id=777"), (init.PaymentId, init.RedirectUrl));
    }

    [Fact]
    public async Task Clearing_refund_cancel_and_recurring_send_their_fields_to_their_scripts()
    {
        using var test = new TestClient();
        test.Gateway.Respond = r => FakeGateway.Xml(FakeGateway.SignedReply(FakeGateway.ScriptOf(r), ("pg_status", "ok"), ("pg_payment_id", "778")));
        PurchaseClient purchase = test.Client.Purchase;

        await purchase.ClearingAsync(new ClearingRequest { PaymentId = 777, ClearingAmount = 1000m });
        await purchase.RefundAsync(new RefundRequest { PaymentId = 777, RefundAmount = 500m });
        await purchase.CancelAsync(new CancelRequest { PaymentId = 779, ReceiptPositions = new[] { new ReceiptPosition { Count = 1, Name = "Pad", Price = 5m } } });
        RecurringResponse again = await purchase.RecurringAsync(new RecurringRequest { RecurringProfile = 67890, Amount = 990m, Description = "Monthly" });

        CapturedRequest[] sent = test.Gateway.Requests.ToArray();
        Assert.Equal(new[] { "do_capture.php", "revoke.php", "cancel.php", "make_recurring_payment.php" }, sent.Select(FakeGateway.ScriptOf));
        Assert.Equal(new[] { "pg_merchant_id", "pg_payment_id", "pg_clearing_amount", "pg_salt", "pg_sig" }, sent[0].Names);
        Assert.Equal(new[] { "pg_merchant_id", "pg_payment_id", "pg_refund_amount", "pg_salt", "pg_sig" }, sent[1].Names);
        Assert.Equal(new[] { "pg_merchant_id", "pg_payment_id", "pg_receipt_positions[0][count]", "pg_receipt_positions[0][name]", "pg_receipt_positions[0][price]", "pg_salt", "pg_sig" }, sent[2].Names);
        Assert.Equal(new[] { "pg_merchant_id", "pg_recurring_profile", "pg_amount", "pg_description", "pg_salt", "pg_sig" }, sent[3].Names);
        Assert.Equal(("1000", "500", "67890"), (sent[0]["pg_clearing_amount"], sent[1]["pg_refund_amount"], sent[3]["pg_recurring_profile"]));
        foreach (CapturedRequest request in sent)
        {
            AssertSigned(FakeGateway.ScriptOf(request), request);
        }

        Assert.Equal(778, again.PaymentId);
    }

    [Fact]
    public async Task Status_needs_a_payment_id_or_an_order_id_and_reads_the_refunds()
    {
        using var test = new TestClient();
        test.Gateway.Respond = r => FakeGateway.Xml(FakeGateway.SignedReply(
            "get_status3.php", ("pg_status", "ok"), ("pg_payment_id", "777"), ("pg_payment_status", "success"), ("pg_clearing_amount", "1000"), ("pg_captured", "1"),
            ("pg_card_pan", "5483-18XX-XXXX-0293"), ("pg_refund_amount", "-500")));

        StatusResponse status = await test.Client.Purchase.StatusAsync(new StatusRequest { PaymentId = 777 });
        var neither = await Assert.ThrowsAsync<FreedomPayValidationException>(() => test.Client.Purchase.StatusAsync(new StatusRequest()));

        Assert.Equal((PaymentStatus.Success, 1000m, true, -500m), (status.PaymentStatus, status.ClearingAmount, status.Captured, status.RefundAmount));
        Assert.Equal("pg_payment_id is required unless pg_order_id (OrderId) is given", neither.Errors.Single().WireName + " " + neither.Errors.Single().Rule);
        Assert.Single(test.Gateway.Requests);
        Assert.DoesNotContain("0293", status.ToString() ?? string.Empty, System.StringComparison.Ordinal); // sensitive: partial
    }

    [Theory]
    [InlineData("clearing")]
    [InlineData("refund")]
    [InlineData("cancel")]
    [InlineData("recurring")]
    public async Task A_call_that_moves_money_is_sent_once_and_a_lost_reply_is_outcome_unknown(string call)
    {
        using var test = new TestClient();
        test.Gateway.Respond = r => new HttpResponseMessage(HttpStatusCode.BadGateway);
        PurchaseClient purchase = test.Client.Purchase;

        await Assert.ThrowsAsync<FreedomPayOutcomeUnknownException>(() => call switch
        {
            "clearing" => purchase.ClearingAsync(new ClearingRequest { PaymentId = 1 }),
            "refund" => purchase.RefundAsync(new RefundRequest { PaymentId = 1 }),
            "cancel" => purchase.CancelAsync(new CancelRequest { PaymentId = 1 }),
            _ => (Task)purchase.RecurringAsync(new RecurringRequest { RecurringProfile = 1, Amount = 1m, Description = "x" }),
        });

        Assert.Single(test.Gateway.Requests);
    }

    [Fact]
    public async Task A_refund_of_1_005_or_a_receipt_line_without_a_name_is_refused_before_sending()
    {
        using var test = new TestClient();

        var error = await Assert.ThrowsAsync<FreedomPayValidationException>(() => test.Client.Purchase.RefundAsync(new RefundRequest
        {
            PaymentId = 1, RefundAmount = 1.005m, ReceiptPositions = new[] { new ReceiptPosition { Count = 1, Name = string.Empty, Price = 1m } },
        }));

        Assert.Equal(new[] { "pg_refund_amount", "pg_receipt_positions[0][name]" }, error.Errors.Select(e => e.WireName));
        Assert.Empty(test.Gateway.Requests);
    }

    [Fact]
    public void The_payment_page_is_a_signed_address_for_the_browser_and_nothing_is_sent()
    {
        using var test = new TestClient();

        FreedomPayRedirect redirect = test.Client.Purchase.PaymentPage(new PaymentPageRequest
        {
            OrderId = "W-1", Amount = 990.5m, Description = "Кофе & <чай>", Language = PageLanguage.English,
            ExtraParams = new Dictionary<string, string> { ["shop_cart"] = "c-7" },
        });

        Assert.Empty(test.Gateway.Requests);
        Assert.Equal("GET", redirect.Method);
        Assert.Equal("https://gateway.test/payment.php", redirect.Url.GetLeftPart(System.UriPartial.Path));
        var query = Microsoft.AspNetCore.WebUtilities.QueryHelpers.ParseQuery(redirect.Url.Query);
        var fields = redirect.Fields.ToList();
        Assert.Equal(new[] { "pg_merchant_id", "pg_order_id", "pg_amount", "pg_description", "pg_language", "shop_cart", "pg_salt", "pg_sig" }, fields.Select(f => f.Key));
        Assert.All(fields, f => Assert.Equal(f.Value, query[f.Key].ToString())); // the query carries exactly the signed fields
        Assert.Equal(ReferenceSignature.Sign("payment.php", fields, FakeGateway.Secret), query["pg_sig"].ToString());
        Assert.Equal("GET https://gateway.test/payment.php (8 signed fields)", redirect.ToString()); // no signature or values
        Assert.Contains("value=\"Кофе &amp; &lt;чай&gt;\"", redirect.ToHtmlForm());
        Assert.Contains("<form method=\"get\" action=\"https://gateway.test/payment.php\">", redirect.ToHtmlForm());
        var invalid = Assert.Throws<FreedomPayValidationException>(() => test.Client.Purchase.PaymentPage(new PaymentPageRequest { OrderId = "W-2", Amount = 1.005m, Description = "x" }));
        Assert.Equal("pg_amount", Assert.Single(invalid.Errors).WireName);
    }

    private static void AssertSigned(string script, CapturedRequest sent)
    {
        Assert.Equal("pg_sig", sent.Names.Last());
        Assert.Equal(ReferenceSignature.Sign(script, sent.Fields, FakeGateway.Secret), sent["pg_sig"]);
    }
}
