using System.Collections.Generic;
using System.Linq;
using System.Threading.Tasks;
using FreedomPay.Client.Tests.Infrastructure;
using FreedomPay.MobileBalance;
using FreedomPay.Runtime;
using FreedomPay.TestSupport;

namespace FreedomPay.Client.Tests;

/// <summary>The generated operation catalog: what tools (the CLI) build commands from.</summary>
public sealed class CatalogTests
{
    [Fact]
    public void The_area_lists_every_operation_in_spec_order_with_its_caller_fields()
    {
        Assert.Equal(new[] { "Init", "Pay", "Approve", "ResendCode", "Status" }, MobileBalanceClient.Operations.Select(o => o.Descriptor.Name));

        RequestField[] pay = MobileBalanceClient.PayInfo.Fields.CallerFields.ToArray();
        Assert.Equal(new[] { "pg_payment_id", "pg_abonent_phone", "pg_payment_system_code" }, pay.Select(f => f.WireName));
        Assert.Equal(FieldKind.Integer, pay[0].Kind);
        Assert.True(pay[0].Required);
        Assert.Equal(FieldRole.PaymentId, pay[0].Role);
        Assert.Equal(FieldSensitivity.Partial, pay[1].Sensitivity);
        Assert.Equal(FieldKind.Enum, pay[2].Kind);
        Assert.Equal(new[] { "TELE2KZT", "ALTELKZT", "BEELINEKZT", "KCELLKZT", "ACTIVKZT" }, pay[2].AllowedValues);
    }

    [Fact]
    public void The_reply_shape_describes_every_element_and_the_descriptor_reads_its_roles_from_it()
    {
        OperationDescriptor status = MobileBalanceClient.StatusInfo.Descriptor;

        ReplyElement first = status.Reply[0];
        Assert.Equal(("pg_status", ReplyElementKind.Enum, true), (first.Name, first.Kind, first.Required));
        Assert.Equal(new[] { "ok", "error" }, first.AllowedValues);
        Assert.Equal(first.AllowedValues, status.StatusValues);
        Assert.Equal("yyyy-MM-dd HH:mm:ss", status.Reply.Single(e => e.Name == "pg_create_date").Format);

        ReplyElement refunds = status.Reply.Single(e => e.Name == "pg_refund_payments");
        Assert.Equal(ReplyElementKind.List, refunds.Kind);
        Assert.Equal(("pg_refund_payment", ReplyElementKind.Object), (refunds.Item!.Name, refunds.Item.Kind));
        Assert.Contains(refunds.Item.Children, c => c.Name == "pg_payment_id" && c.Required && c.Kind == ReplyElementKind.Integer);

        // Roles and masks come from the shape: the payment id element, the partly shown phone.
        Assert.Equal("pg_payment_id", status.PaymentIdElement);
        Assert.Equal(new[] { "pg_user_phone" }, status.Reply.Where(e => e.Sensitivity == FieldSensitivity.Partial).Select(e => e.Name));
        Assert.DoesNotContain(status.Reply, e => e.Sensitivity == FieldSensitivity.Hidden);
    }

    [Fact]
    public async Task Sending_from_text_values_puts_the_same_fields_on_the_wire_as_the_typed_call()
    {
        using var test = new TestClient();
        var values = new Dictionary<string, string>
        {
            ["pg_payment_id"] = "42", ["pg_abonent_phone"] = "77017777777", ["pg_payment_system_code"] = "KCELLKZT",
        };

        FreedomPayResponse response = await MobileBalanceClient.PayInfo.SendAsync(test.Client.Connection, values);

        CapturedRequest sent = test.Gateway.Single;
        Assert.Equal("/mfs/pay", sent.Uri.AbsolutePath);
        Assert.Equal(new[] { "pg_merchant_id", "pg_payment_id", "pg_abonent_phone", "pg_payment_system_code", "pg_salt", "pg_sig" }, sent.Names);
        Assert.Equal("KCELLKZT", sent["pg_payment_system_code"]);
        Assert.IsType<PayResponse>(response);
    }

    [Theory]
    [InlineData("pg_payment_id", "", "pg_payment_id (PaymentId) is required")]
    [InlineData("pg_payment_id", "4x2", "pg_payment_id (PaymentId) must be a whole number")]
    [InlineData("pg_payment_system_code", "NOPE", "pg_payment_system_code (PaymentSystemCode) must be one of the defined values (TELE2KZT, ALTELKZT, BEELINEKZT, KCELLKZT, ACTIVKZT)")]
    public async Task A_missing_or_malformed_text_value_is_a_validation_error_and_nothing_is_sent(string field, string value, string expected)
    {
        using var test = new TestClient();
        var text = new Dictionary<string, string> { ["pg_payment_id"] = "42", ["pg_abonent_phone"] = "77017777777" };
        text[field] = value;

        var ex = await Assert.ThrowsAsync<FreedomPayValidationException>(() => MobileBalanceClient.PayInfo.SendAsync(test.Client.Connection, text));

        Assert.Equal(expected, Assert.Single(ex.Errors).ToString());
        Assert.Empty(test.Gateway.Requests);
    }
}
