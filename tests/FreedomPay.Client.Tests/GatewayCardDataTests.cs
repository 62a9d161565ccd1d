using System;
using System.Linq;
using System.Threading.Tasks;
using FreedomPay.Client.Tests.Infrastructure;
using FreedomPay.GatewayPayments;
using FreedomPay.TestSupport;

namespace FreedomPay.Client.Tests;

/// <summary>
/// The Gateway API's card payment (spec/freedompay.gateway-payments.yaml): what goes on the wire (api-9586997), the
/// card rules checked before anything leaves the process (Luhn, digits, expiry) and card data kept out of messages
/// and logs.
/// </summary>
public sealed class GatewayCardDataTests
{
    private const string Pan = "4405645000006150";          // the docs' example card: a valid Luhn check digit
    private const string Cvc = "653";

    private static PayRequest Payment(string pan = Pan, string month = "09", string year = "49") => new()
    {
        OrderId = "G-1",
        Amount = 150.50m,
        Description = "Tickets",
        CardPan = pan,
        CardCvc = Cvc,
        CardMonth = month,
        CardYear = year,
        CardName = "TEST TESTOV",
        AutoClearing = false,
        ExchangeParams = new ExchangeParams { Rate = "1.0", RatesCode = "RC-1" },
    };

    [Fact]
    public async Task A_card_payment_posts_the_card_fields_to_g2g_payment_in_spec_order_signed_for_the_script_payment()
    {
        using var test = new TestClient();
        test.Gateway.Respond = r => FakeGateway.Xml(FakeGateway.SignedReply("payment",
            ("pg_payment_id", "7777777777"), ("pg_status", "ok"), ("pg_3ds", "1"), ("pg_3d_md", "md-1"),
            ("pg_3d_acsurl", "https://acs.bank.test/3ds"), ("pg_3d_pareq", "pareq-1"), ("pg_datetime", "2024-09-02T12:19:01+00:00")));

        PayResponse reply = await test.Client.GatewayPayments.PayAsync(Payment());

        CapturedRequest sent = test.Gateway.Single;
        Assert.Equal("/g2g/payment", sent.Uri.AbsolutePath);
        Assert.Equal(
            new[]
            {
                "pg_merchant_id", "pg_order_id", "pg_amount", "pg_description", "pg_card_pan", "pg_card_cvc", "pg_card_year", "pg_card_month",
                "pg_card_name", "pg_auto_clearing", "pg_exchange_params[rate]", "pg_exchange_params[rates_code]", "pg_salt", "pg_sig",
            },
            sent.Names);
        Assert.Equal((Pan, Cvc, "49", "09", "0"), (sent["pg_card_pan"], sent["pg_card_cvc"], sent["pg_card_year"], sent["pg_card_month"], sent["pg_auto_clearing"]));
        Assert.Equal(ReferenceSignature.Sign("payment", sent.Fields.Where(f => f.Key != "pg_sig"), FakeGateway.Secret), sent["pg_sig"]);
        Assert.Equal((PaymentReplyStatus.Ok, true, "https://acs.bank.test/3ds", 7777777777L), (reply.Status, reply.ThreeDs, reply.ThreeDsAcsUrl, reply.PaymentId));
    }

    [Theory]
    [InlineData("4405645000006151", "is not a valid card number: its check digit (Luhn) is wrong")]
    [InlineData("4405 6450 0000 6150", "must be a card number of digits only (no spaces or dashes)")]
    [InlineData("44056450000061x0", "must be a card number of digits only (no spaces or dashes)")]
    public async Task A_mistyped_card_number_is_refused_before_sending_and_never_repeated(string pan, string rule)
    {
        using var test = new TestClient();

        var ex = await Assert.ThrowsAsync<FreedomPayValidationException>(() => test.Client.GatewayPayments.PayAsync(Payment(pan)));

        Assert.Empty(test.Gateway.Requests);
        FieldError error = Assert.Single(ex.Errors);
        Assert.Equal(("pg_card_pan", "CardPan", rule), (error.WireName, error.MemberName, error.Rule));
        Assert.DoesNotContain(pan, ex.ToString());
        Assert.DoesNotContain("44056450", ex.ToString());
    }

    [Theory]
    [InlineData("01", "20")]
    [InlineData("12", "2019")]
    public async Task An_expired_card_is_refused_before_sending(string month, string year)
    {
        using var test = new TestClient();
        PayRequest request = Payment(month: month, year: year) is var p && year.Length == 4
            ? new PayRequest { OrderId = p.OrderId, Amount = p.Amount, Description = p.Description, CardPan = p.CardPan, CardCvc = p.CardCvc, CardMonth = month, CardYear = "19", CardName = p.CardName }
            : Payment(month: month, year: year);

        var ex = await Assert.ThrowsAsync<FreedomPayValidationException>(() => test.Client.GatewayPayments.PayAsync(request));

        Assert.Empty(test.Gateway.Requests);
        FieldError error = Assert.Single(ex.Errors);
        Assert.Equal(("pg_card_month or pg_card_year", "CardMonth or CardYear", "must not be in the past: the card has expired"), (error.WireName, error.MemberName, error.Rule));
    }

    [Fact]
    public async Task A_card_valid_through_this_month_is_sent()
    {
        using var test = new TestClient();
        test.Gateway.Respond = r => FakeGateway.Xml(FakeGateway.SignedReply("payment", ("pg_payment_id", "1"), ("pg_status", "ok"), ("pg_3ds", "0")));
        DateTime now = DateTime.UtcNow;

        await test.Client.GatewayPayments.PayAsync(Payment(month: now.Month.ToString("00"), year: (now.Year % 100).ToString("00")));

        Assert.Single(test.Gateway.Requests);
    }

    [Fact]
    public async Task Card_number_CVC_and_expiry_stay_out_of_logs_and_errors_even_when_the_gateway_refuses()
    {
        var logs = new CapturingLoggerFactory();
        using var test = new TestClient(o => o.LoggerFactory = logs);
        test.Gateway.Respond = r => FakeGateway.Xml(FakeGateway.SignedReply("payment", ("pg_status", "error"), ("pg_error_code", "9999"), ("pg_error_description", "declined")));

        var ex = await Assert.ThrowsAnyAsync<FreedomPayException>(() => test.Client.GatewayPayments.PayAsync(Payment()));

        string everything = string.Join("\n", logs.Lines) + "\n" + ex + "\n" + Payment();
        Assert.NotEmpty(logs.Lines);
        Assert.DoesNotContain(Pan, everything);
        Assert.DoesNotContain("44056450", everything);
        Assert.DoesNotContain("=" + Cvc, everything);
        Assert.DoesNotContain("pg_card_month=09", everything);
    }
}
