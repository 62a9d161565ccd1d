using System.Collections.Generic;
using System.Linq;
using System.Xml.Linq;
using FreedomPay.Callbacks;
using FreedomPay.Runtime;
using FreedomPay.TestSupport;

namespace FreedomPay.Client.Tests;

/// <summary>Callbacks the gateway sends to the merchant: verified, parsed, answered with signed XML.</summary>
public sealed class CallbackTests
{
    private const string Secret = "merchant-secret";

    private static List<KeyValuePair<string, string>> SignedResult(string script, string secret = Secret, string result = "1")
    {
        var fields = new List<KeyValuePair<string, string>>
        {
            new("pg_order_id", "A-1"), new("pg_payment_id", "1000001"), new("pg_amount", "500"), new("pg_currency", "KZT"),
            new("pg_result", result), new("pg_payment_date", "2026-11-25 10:11:12"), new("pg_can_reject", "1"),
            new("pg_user_phone", "77017777777"), new("my_own_param", "kept"), new("pg_salt", "r4nd0m"),
        };
        fields.Add(new("pg_sig", ReferenceSignature.Sign(script, fields, secret)));
        return fields;
    }

    [Fact]
    public void A_signed_result_notification_is_read_into_its_typed_fields()
    {
        var message = CallbackMessage.FromFields("result", SignedResult("result"));

        ResultNotification notification = ResultNotification.Parse(message, Secret);

        Assert.Equal("A-1", notification.OrderId);
        Assert.Equal(1000001, notification.PaymentId);
        Assert.Equal(500m, notification.Amount);
        Assert.Equal(1, notification.Result);
        Assert.True(notification.CanReject);
        Assert.Equal(new System.DateTime(2026, 11, 25, 10, 11, 12), notification.PaymentDate);
        Assert.Equal("kept", notification.Message.Root.GetString("my_own_param")); // merchant parameters are signed and kept
    }

    [Fact]
    public void The_merchants_own_parameters_are_read_again_from_a_verified_callback()
    {
        ResultNotification notification = ResultNotification.Parse(CallbackMessage.FromFields("result", SignedResult("result")), Secret);

        Assert.Equal(new Dictionary<string, string> { ["my_own_param"] = "kept" }, notification.ExtraParams);
    }

    [Fact]
    public void Fields_the_spec_marks_sensitive_and_the_signature_show_masked()
    {
        ResultNotification notification = ResultNotification.Parse(CallbackMessage.FromFields("result", SignedResult("result")), Secret);
        PgElement Field(string name) => notification.Message.Root.Children.Single(f => f.Name == name);

        Assert.Equal("77017777777", notification.UserPhone); // the typed value is whole
        Assert.Equal("<pg_user_phone>7701*****77</pg_user_phone>", Field("pg_user_phone").ToString());
        Assert.Equal("<pg_sig>***</pg_sig>", Field("pg_sig").ToString());
        Assert.Equal("<pg_order_id>A-1</pg_order_id>", Field("pg_order_id").ToString());
    }

    [Theory]
    [InlineData("check")]      // signed for another script
    [InlineData("tampered")]   // a value changed after signing
    [InlineData("other-key")]  // signed with another secret
    [InlineData("unsigned")]
    public void A_callback_that_is_not_signed_by_the_merchants_key_is_refused(string how)
    {
        List<KeyValuePair<string, string>> fields = how switch
        {
            "check" => SignedResult("check"),
            "other-key" => SignedResult("result", "someone-else"),
            _ => SignedResult("result"),
        };
        if (how == "tampered")
        {
            fields[2] = new("pg_amount", "5");
        }
        else if (how == "unsigned")
        {
            fields.RemoveAll(f => f.Key == "pg_sig");
        }

        var message = CallbackMessage.FromFields("result", fields);

        Assert.False(message.HasValidSignature(Secret));
        var ex = Assert.Throws<FreedomPaySignatureException>(() => ResultNotification.Parse(message, Secret));
        Assert.Contains("do not act on it", ex.Message);
    }

    [Fact]
    public void The_xml_variant_is_read_and_verified_like_the_form()
    {
        var fields = SignedResult("result");
        string xml = "<request>" + string.Concat(fields.Select(f => $"<{f.Key}>{f.Value}</{f.Key}>")) + "</request>";

        ResultNotification notification = ResultNotification.Parse(CallbackMessage.FromXml("result", xml), Secret);

        Assert.Equal(1000001, notification.PaymentId);
    }

    [Fact]
    public void A_missing_required_field_is_a_protocol_error_naming_it()
    {
        var fields = SignedResult("result").Where(f => f.Key != "pg_order_id").ToList();
        fields.RemoveAll(f => f.Key == "pg_sig");
        fields.Add(new("pg_sig", ReferenceSignature.Sign("result", fields, Secret)));

        var ex = Assert.Throws<FreedomPayProtocolException>(() => ResultNotification.Parse(CallbackMessage.FromFields("result", fields), Secret));

        Assert.Contains("<pg_order_id>", ex.Message);
    }

    [Theory]
    [InlineData("ok", null)]
    [InlineData("rejected", "Out of stock")]
    [InlineData("error", "Unknown order")]
    [InlineData("rejected", "Two lines:\r\nsecond\rthird")] // a raw CR would be read back as LF: written as &#xD;
    public void Replies_are_signed_xml_that_an_independent_check_accepts(string status, string? description)
    {
        CallbackReply reply = status switch
        {
            "ok" => CallbackReply.Ok(),
            "rejected" => CallbackReply.Rejected(description!),
            _ => CallbackReply.Error(description!),
        };

        XElement xml = XDocument.Parse(reply.ToXml("result", Secret)).Root!;
        var elements = xml.Elements().Select(e => new KeyValuePair<string, string>(e.Name.LocalName, e.Value)).ToList();

        Assert.Equal("response", xml.Name.LocalName);
        Assert.Equal(status, xml.Element("pg_status")!.Value);
        Assert.Equal(description, xml.Element("pg_description")?.Value);
        Assert.Equal(ReferenceSignature.Sign("result", elements, Secret), xml.Element("pg_sig")!.Value);
    }
}
