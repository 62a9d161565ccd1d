using System.Threading.Tasks;
using FreedomPay.Client.Tests.Infrastructure;
using FreedomPay.MobileBalance;
using FreedomPay.TestSupport;

namespace FreedomPay.Client.Tests;

/// <summary>How replies are read: both root names, errors signed and unsigned, signatures, unknown values, bad XML.</summary>
public sealed class ReplyTests
{
    private static readonly PayRequest Pay = new() { PaymentId = 987654321, AbonentPhone = "77077777777" };

    [Theory]
    [InlineData("response")]
    [InlineData("root")]
    public async Task Reads_the_reply_whatever_the_root_element_is_called(string root)
    {
        using var test = new TestClient();
        test.Gateway.Respond = r => FakeGateway.Xml(FakeGateway.SignedReply("pay", root, FakeGateway.Secret, ("pg_status", "ok"), ("pg_payment_id", "987654321")));

        PayResponse reply = await test.Client.MobileBalance.PayAsync(Pay);

        Assert.Equal(PayStatus.Ok, reply.Status);
        Assert.Equal(987654321, reply.PaymentId);
        Assert.Equal(root, reply.Raw.Root.Name);
        Assert.Contains($"<{root}>", reply.RawXml);
    }

    [Fact]
    public async Task The_docs_schema_example_with_root_root_verifies_when_signed()
    {
        // The docs show <root><pg_status>string</pg_status><pg_payment_id>0</pg_payment_id></root>.
        using var test = new TestClient();
        test.Gateway.Respond = r => FakeGateway.Xml(FakeGateway.SignedReply("approve", "root", FakeGateway.Secret, ("pg_status", "string"), ("pg_payment_id", "0")));

        ApproveResponse reply = await test.Client.MobileBalance.ApproveAsync(new ApproveRequest { PaymentId = 1, ApprovalCode = "111111" });

        Assert.Equal(ApproveStatus.Unknown, reply.Status);
        Assert.Equal(0, reply.PaymentId);
    }

    [Fact]
    public async Task A_status_the_client_does_not_know_becomes_Unknown_and_stays_readable_raw()
    {
        using var test = new TestClient();
        test.Gateway.Respond = r => FakeGateway.Xml(FakeGateway.SignedReply("pay", ("pg_status", "brand_new_status"), ("pg_payment_id", "1")));

        PayResponse reply = await test.Client.MobileBalance.PayAsync(Pay);

        Assert.Equal(PayStatus.Unknown, reply.Status);
        Assert.Equal("brand_new_status", reply.Raw.Root.GetString("pg_status"));
    }

    [Theory]
    [InlineData(null, null)]
    [InlineData("success", PaymentStatus.Success)]
    [InlineData("", PaymentStatus.Unknown)]
    [InlineData("SUCCESS", PaymentStatus.Unknown)]
    public async Task An_optional_enum_is_null_when_absent_and_Unknown_when_not_a_known_value(string? wire, PaymentStatus? expected)
    {
        using var test = new TestClient();
        var elements = wire is null
            ? new[] { ("pg_status", "ok"), ("pg_payment_id", "7") }
            : new[] { ("pg_status", "ok"), ("pg_payment_id", "7"), ("pg_payment_status", wire) };
        test.Gateway.Respond = r => FakeGateway.Xml(FakeGateway.SignedReply("get_status3.php", elements));

        StatusResponse reply = await test.Client.MobileBalance.StatusAsync(new StatusRequest { PaymentId = 7 });

        Assert.Equal(expected, reply.PaymentStatus);
    }

    [Fact]
    public async Task Missing_optional_elements_are_null_and_extra_elements_are_kept()
    {
        using var test = new TestClient();
        test.Gateway.Respond = r => FakeGateway.Xml(FakeGateway.SignedReply("get_status3.php", ("pg_status", "ok"), ("pg_payment_id", "7"), ("pg_something_new", "x")));

        StatusResponse reply = await test.Client.MobileBalance.StatusAsync(new StatusRequest { PaymentId = 7 });

        Assert.Null(reply.PaymentStatus);
        Assert.Null(reply.Amount);
        Assert.Null(reply.CanReject);
        Assert.Null(reply.OrderId);
        Assert.Equal("x", reply.Raw.Root.GetString("pg_something_new"));
    }

    [Fact]
    public async Task Nested_refunds_are_read_and_signed_recursively()
    {
        using var test = new TestClient();
        string xml = SampleReplies.StatusWithOneRefund("42");
        test.Gateway.Respond = r => FakeGateway.Xml(xml);

        StatusResponse reply = await test.Client.MobileBalance.StatusAsync(new StatusRequest { PaymentId = 42 });

        StatusRefundPayment refund = Assert.Single(reply.RefundPayments);
        Assert.Equal(43, refund.PaymentId);
        Assert.Equal(PaymentStatus.Success, refund.PaymentStatus);
        Assert.Equal(-10m, refund.Amount);
        Assert.Equal(new System.DateTime(2023, 5, 31, 16, 26, 36), refund.PaymentDate);
    }

    [Fact]
    public async Task A_signed_error_reply_is_a_gateway_exception_with_code_description_and_raw_body()
    {
        using var test = new TestClient();
        test.Gateway.Respond = r => FakeGateway.Xml(FakeGateway.SignedReply("pay", ("pg_status", "error"), ("pg_error_code", "1000"), ("pg_error_description", "Internal service error")));

        var ex = await Assert.ThrowsAsync<FreedomPayGatewayException>(() => test.Client.MobileBalance.PayAsync(Pay));

        Assert.Equal("MobileBalance.Pay", ex.Operation);
        Assert.Equal("1000", ex.ErrorCode);
        Assert.Equal("Internal service error", ex.ErrorDescription);
        Assert.True(ex.IsSigned);
        Assert.Contains("<pg_error_code>1000</pg_error_code>", ex.RawXml);
        Assert.Contains("1000", ex.Message);
    }

    [Fact]
    public async Task An_unsigned_error_for_an_unknown_merchant_is_a_gateway_exception_not_a_signature_failure()
    {
        using var test = new TestClient();
        test.Gateway.Respond = r => FakeGateway.Xml(FakeGateway.Document("response", ("pg_status", "error"), ("pg_error_code", "101"), ("pg_error_description", "Unknown merchant")));

        var ex = await Assert.ThrowsAsync<FreedomPayGatewayException>(() => test.Client.MobileBalance.PayAsync(Pay));

        Assert.Equal("101", ex.ErrorCode);
        Assert.False(ex.IsSigned);
        Assert.Contains("merchant id", ex.Message);
    }

    [Fact]
    public async Task A_tampered_reply_to_a_call_that_moves_money_is_outcome_unknown_around_the_signature_failure()
    {
        using var test = new TestClient();
        test.Gateway.Respond = r => FakeGateway.Xml(FakeGateway.SignedReply("pay", ("pg_status", "need_approve"), ("pg_payment_id", "1"))
            .Replace("need_approve", "ok"));

        var ex = await Assert.ThrowsAsync<FreedomPayOutcomeUnknownException>(() => test.Client.MobileBalance.PayAsync(Pay));

        Assert.Equal("MobileBalance.Pay", ex.Operation);
        Assert.Contains("check the payment's status", ex.Message);
        var signature = Assert.IsType<FreedomPaySignatureException>(ex.InnerException);
        Assert.Equal("MobileBalance.Pay", signature.Operation);
        Assert.Contains("<pg_status>ok</pg_status>", signature.RawXml);
        Assert.DoesNotContain(FakeGateway.Secret, ex.ToString());
    }

    [Fact]
    public async Task A_tampered_reply_to_a_safe_call_fails_the_signature_check()
    {
        using var test = new TestClient();
        test.Gateway.Respond = r => FakeGateway.Xml(FakeGateway.SignedReply("get_status3.php", ("pg_status", "ok"), ("pg_payment_id", "1"), ("pg_payment_status", "pending"))
            .Replace("pending", "success"));

        var ex = await Assert.ThrowsAsync<FreedomPaySignatureException>(() => test.Client.MobileBalance.StatusAsync(new StatusRequest { PaymentId = 1 }));

        Assert.Equal("MobileBalance.Status", ex.Operation);
        Assert.Contains("<pg_payment_status>success</pg_payment_status>", ex.RawXml);
        Assert.DoesNotContain(FakeGateway.Secret, ex.Message);
    }

    [Fact]
    public async Task A_reply_signed_with_another_secret_fails_and_the_message_never_shows_the_secret()
    {
        using var test = new TestClient();
        test.Gateway.Respond = r => FakeGateway.Xml(FakeGateway.SignedReply("get_status3.php", "response", "some-other-secret", ("pg_status", "ok"), ("pg_payment_id", "1")));

        var ex = await Assert.ThrowsAsync<FreedomPaySignatureException>(() => test.Client.MobileBalance.StatusAsync(new StatusRequest { PaymentId = 1 }));

        Assert.Contains("secret key", ex.Message);
        Assert.DoesNotContain(FakeGateway.Secret, ex.ToString());
    }

    [Fact]
    public async Task A_reply_signed_for_another_script_fails()
    {
        using var test = new TestClient();
        test.Gateway.Respond = r => FakeGateway.Xml(FakeGateway.SignedReply("approve", ("pg_status", "ok"), ("pg_payment_id", "1")));

        var ex = await Assert.ThrowsAsync<FreedomPayOutcomeUnknownException>(() => test.Client.MobileBalance.PayAsync(Pay));

        Assert.IsType<FreedomPaySignatureException>(ex.InnerException);
        Assert.Contains("script 'pay'", ex.Message);
    }

    [Fact]
    public async Task An_unsigned_success_reply_is_refused()
    {
        using var test = new TestClient();
        test.Gateway.Respond = r => FakeGateway.Xml(FakeGateway.Document("response", ("pg_status", "ok"), ("pg_payment_id", "1")));

        var ex = await Assert.ThrowsAsync<FreedomPaySignatureException>(() => test.Client.MobileBalance.StatusAsync(new StatusRequest { PaymentId = 1 }));

        Assert.Contains("no <pg_sig>", ex.Message);
    }

    [Fact]
    public async Task Signature_checks_can_be_turned_off_to_diagnose()
    {
        using var test = new TestClient(o => o.VerifyResponseSignatures = false);
        test.Gateway.Respond = r => FakeGateway.Xml(FakeGateway.Document("response", ("pg_status", "ok"), ("pg_payment_id", "1")));

        PayResponse reply = await test.Client.MobileBalance.PayAsync(Pay);

        Assert.Equal(PayStatus.Ok, reply.Status);
    }

    [Theory]
    [InlineData("not xml at all")]
    [InlineData("<response><pg_status>ok</pg_status>")]
    [InlineData("<html><body>502 Bad Gateway</body></html><trailing/>")]
    [InlineData("")]
    public async Task A_reply_that_is_not_well_formed_xml_is_a_protocol_exception(string body)
    {
        using var test = new TestClient();
        test.Gateway.Respond = r => FakeGateway.Xml(body);

        var ex = await Assert.ThrowsAsync<FreedomPayProtocolException>(() => test.Client.MobileBalance.PayAsync(Pay));

        Assert.Equal("MobileBalance.Pay", ex.Operation);
        Assert.Contains("not well-formed XML", ex.Message);
    }

    [Fact]
    public async Task A_dtd_is_refused_so_entities_cannot_expand()
    {
        using var test = new TestClient();
        test.Gateway.Respond = r => FakeGateway.Xml("<?xml version=\"1.0\"?><!DOCTYPE r [<!ENTITY e \"x\">]><response><pg_status>&e;</pg_status></response>");

        await Assert.ThrowsAsync<FreedomPayProtocolException>(() => test.Client.MobileBalance.PayAsync(Pay));
    }

    [Fact]
    public async Task A_malformed_value_names_the_element()
    {
        using var test = new TestClient();
        test.Gateway.Respond = r => FakeGateway.Xml(FakeGateway.SignedReply("pay", ("pg_status", "ok"), ("pg_payment_id", "12abc")));

        var ex = await Assert.ThrowsAsync<FreedomPayProtocolException>(() => test.Client.MobileBalance.PayAsync(Pay));

        Assert.Equal("MobileBalance.Pay", ex.Operation);
        Assert.Contains("<pg_payment_id>", ex.Message);
        Assert.Contains("an integer", ex.Message);
    }

    [Fact]
    public async Task A_missing_required_element_names_the_element()
    {
        using var test = new TestClient();
        test.Gateway.Respond = r => FakeGateway.Xml(FakeGateway.SignedReply("pay", ("pg_status", "ok")));

        var ex = await Assert.ThrowsAsync<FreedomPayProtocolException>(() => test.Client.MobileBalance.PayAsync(Pay));

        Assert.Contains("no <pg_payment_id> element", ex.Message);
    }

    [Fact]
    public async Task Cancellation_by_the_caller_is_an_OperationCanceledException()
    {
        using var test = new TestClient();
        using var cts = new System.Threading.CancellationTokenSource();
        cts.Cancel();

        await Assert.ThrowsAnyAsync<System.OperationCanceledException>(() => test.Client.MobileBalance.StatusAsync(new StatusRequest { PaymentId = 1 }, cts.Token));
        Assert.Empty(test.Gateway.Requests);
    }

    [Fact]
    public async Task Cancellation_while_waiting_for_the_reply_is_an_OperationCanceledException_not_a_network_error()
    {
        using var test = new TestClient();
        using var cts = new System.Threading.CancellationTokenSource();
        test.Gateway.Respond = r =>
        {
            cts.Cancel();
            throw new System.Threading.Tasks.TaskCanceledException("the request was canceled", null, cts.Token);
        };

        var ex = await Assert.ThrowsAnyAsync<System.OperationCanceledException>(() => test.Client.MobileBalance.PayAsync(Pay, cts.Token));

        Assert.IsNotType<FreedomPayOutcomeUnknownException>(ex);
    }
}
