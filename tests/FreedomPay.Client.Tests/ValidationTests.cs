using System;
using System.Linq;
using System.Threading.Tasks;
using FreedomPay.Client.Tests.Infrastructure;
using FreedomPay.MobileBalance;

namespace FreedomPay.Client.Tests;

/// <summary>Requests are checked against the spec's rules before anything is sent.</summary>
public sealed class ValidationTests
{
    [Fact]
    public async Task Every_broken_rule_is_listed_with_wire_name_member_name_and_rule_and_nothing_is_sent()
    {
        using var test = new TestClient();

        var ex = await Assert.ThrowsAsync<FreedomPayValidationException>(() => test.Client.MobileBalance.InitAsync(new InitRequest
        {
            Amount = 0m,
            Description = new string('x', 1025),
            Currency = "kzt",
            Lifetime = 60,
            UserId = "bad id!",
        }));

        Assert.Empty(test.Gateway.Requests);
        Assert.Equal("MobileBalance.Init", ex.Operation);
        Assert.Equal(
            new[]
            {
                "pg_amount (Amount) must be between 0.01 and 99999999, but is 0",
                "pg_currency (Currency) must match the pattern ^[A-Z]{3}$",
                "pg_description (Description) must be at most 1024 characters long, but has 1025",
                "pg_lifetime (Lifetime) must be between 300 and 604800, but is 60",
                "pg_user_id (UserId) must match the pattern ^[a-zA-Z0-9_-]+$",
            },
            ex.Errors.Select(e => e.ToString()));
        Assert.Contains("nothing was sent", ex.Message);
    }

    [Fact]
    public async Task A_required_text_field_set_to_null_or_empty_is_rejected()
    {
        using var test = new TestClient();

        var empty = await Assert.ThrowsAsync<FreedomPayValidationException>(() => test.Client.MobileBalance.PayAsync(new PayRequest { PaymentId = 1, AbonentPhone = string.Empty }));
        var missing = await Assert.ThrowsAsync<FreedomPayValidationException>(() => test.Client.MobileBalance.PayAsync(new PayRequest { PaymentId = 1, AbonentPhone = null! }));

        Assert.Equal(new FieldError("pg_abonent_phone", "AbonentPhone", "is required and must not be empty"), Assert.Single(empty.Errors));
        Assert.Equal("AbonentPhone", Assert.Single(missing.Errors).MemberName);
        Assert.Empty(test.Gateway.Requests);
    }

    [Fact]
    public async Task An_undefined_enum_value_is_rejected_with_the_allowed_wire_values()
    {
        using var test = new TestClient();

        var ex = await Assert.ThrowsAsync<FreedomPayValidationException>(() => test.Client.MobileBalance.PayAsync(new PayRequest
        {
            PaymentId = 1, AbonentPhone = "77017777777", PaymentSystemCode = (MobileOperator)42,
        }));

        FieldError error = Assert.Single(ex.Errors);
        Assert.Equal("pg_payment_system_code", error.WireName);
        Assert.Contains("TELE2KZT, ALTELKZT, BEELINEKZT, KCELLKZT, ACTIVKZT", error.Rule);
    }

    [Fact]
    public async Task Messages_never_repeat_text_values_such_as_codes_or_phone_numbers()
    {
        using var test = new TestClient();

        var ex = await Assert.ThrowsAsync<FreedomPayValidationException>(() => test.Client.MobileBalance.ApproveAsync(new ApproveRequest
        {
            PaymentId = 1, ApprovalCode = "12ab34cd",
        }));

        Assert.DoesNotContain("12ab34cd", ex.Message);
        Assert.Equal("ApprovalCode", Assert.Single(ex.Errors).MemberName);
    }

    [Fact]
    public async Task A_null_request_is_an_argument_error()
    {
        using var test = new TestClient();

        await Assert.ThrowsAsync<ArgumentNullException>(() => test.Client.MobileBalance.PayAsync(null!));
    }
}
