using System;
using System.Linq;
using System.Threading.Tasks;
using FreedomPay.MobileBalance;

namespace FreedomPay.Sandbox.Tests;

/// <summary>The generated client against the sandbox over loopback HTTP: every path of the payment state machine.</summary>
public sealed class PaymentFlowTests
{
    private const string Kcell = "77017777777";
    private const string Beeline = "77077777777";
    private const string Declining = "77000000000";

    [Fact]
    public async Task Init_pay_approve_with_the_sms_code_and_status_says_success()
    {
        await using var f = await SandboxFixture.StartAsync();

        InitResponse init = await f.Mobile.InitAsync(new InitRequest { OrderId = "A-1", Amount = 150.50m, Currency = "KZT", Description = "Top-up" });
        PayResponse pay = await f.Mobile.PayAsync(new PayRequest { PaymentId = init.PaymentId, AbonentPhone = Kcell, PaymentSystemCode = MobileOperator.Kcell });
        string code = f.Sandbox.Sms.LastCodeFor(init.PaymentId)!;
        ApproveResponse approve = await f.Mobile.ApproveAsync(new ApproveRequest { PaymentId = init.PaymentId, ApprovalCode = code });
        StatusResponse status = await f.Mobile.StatusAsync(new StatusRequest { PaymentId = init.PaymentId });

        Assert.StartsWith(f.Sandbox.BaseAddress.ToString(), init.RedirectUrl);
        Assert.Equal(PayStatus.NeedApprove, pay.Status);
        Assert.Equal("111111", code);
        Assert.Equal(ApproveStatus.Ok, approve.Status);
        Assert.Equal(PaymentStatus.Success, status.PaymentStatus);
        Assert.Equal(150.50m, status.Amount);
        Assert.Equal("A-1", status.OrderId);
        Assert.Equal("mobile_commerce", status.PaymentMethod);
        Assert.NotNull(status.PaymentDate);
    }

    [Fact]
    public async Task A_phone_that_charges_at_once_answers_ok_without_a_code()
    {
        await using var f = await SandboxFixture.StartAsync();
        long id = await f.InitAsync();

        PayResponse pay = await f.Mobile.PayAsync(new PayRequest { PaymentId = id, AbonentPhone = Beeline });

        Assert.Equal(PayStatus.Ok, pay.Status);
        Assert.Empty(f.Sandbox.Sms.All);
        Assert.Equal(SandboxPaymentStatus.Success, f.Sandbox.FindPayment(id)!.Status);
    }

    [Fact]
    public async Task A_declining_phone_fails_the_payment()
    {
        await using var f = await SandboxFixture.StartAsync();
        long id = await f.InitAsync();

        var ex = await Assert.ThrowsAsync<FreedomPayGatewayException>(() => f.Mobile.PayAsync(new PayRequest { PaymentId = id, AbonentPhone = Declining }));
        StatusResponse status = await f.Mobile.StatusAsync(new StatusRequest { PaymentId = id });

        Assert.Equal("1011", ex.ErrorCode);
        Assert.True(ex.IsSigned);
        Assert.Equal(PaymentStatus.Failed, status.PaymentStatus);
        Assert.Equal(1011, status.FailureCode);
    }

    [Fact]
    public async Task Wrong_codes_count_down_and_the_third_fails_the_payment()
    {
        await using var f = await SandboxFixture.StartAsync();
        long id = await f.InitAsync();
        await f.Mobile.PayAsync(new PayRequest { PaymentId = id, AbonentPhone = Kcell });

        var first = await Assert.ThrowsAsync<FreedomPayGatewayException>(() => f.Mobile.ApproveAsync(new ApproveRequest { PaymentId = id, ApprovalCode = "000000" }));
        var second = await Assert.ThrowsAsync<FreedomPayGatewayException>(() => f.Mobile.ApproveAsync(new ApproveRequest { PaymentId = id, ApprovalCode = "000001" }));
        var third = await Assert.ThrowsAsync<FreedomPayGatewayException>(() => f.Mobile.ApproveAsync(new ApproveRequest { PaymentId = id, ApprovalCode = "000002" }));
        var afterwards = await Assert.ThrowsAsync<FreedomPayGatewayException>(() => f.Mobile.ApproveAsync(new ApproveRequest { PaymentId = id, ApprovalCode = "111111" }));

        Assert.Equal(("1006", "Wrong approval code; 2 attempts left."), (first.ErrorCode, first.ErrorDescription));
        Assert.Equal(("1006", "Wrong approval code; 1 attempt left."), (second.ErrorCode, second.ErrorDescription));
        Assert.Equal("1008", third.ErrorCode);
        Assert.Equal("1004", afterwards.ErrorCode);
        Assert.Contains("it has failed", afterwards.ErrorDescription);
        Assert.Equal(SandboxPaymentStatus.Failed, f.Sandbox.FindPayment(id)!.Status);
    }

    [Fact]
    public async Task An_expired_code_is_refused_and_a_resent_code_replaces_the_old_one()
    {
        await using var f = await SandboxFixture.StartAsync();
        long id = await f.InitAsync();
        await f.Mobile.PayAsync(new PayRequest { PaymentId = id, AbonentPhone = Kcell });
        f.Clock.Advance(TimeSpan.FromMinutes(6));

        var expired = await Assert.ThrowsAsync<FreedomPayGatewayException>(() => f.Mobile.ApproveAsync(new ApproveRequest { PaymentId = id, ApprovalCode = "111111" }));
        ResendCodeResponse resend = await f.Mobile.ResendCodeAsync(new ResendCodeRequest { PaymentId = id });
        string newCode = f.Sandbox.Sms.LastCodeFor(id)!;
        var oldCode = await Assert.ThrowsAsync<FreedomPayGatewayException>(() => f.Mobile.ApproveAsync(new ApproveRequest { PaymentId = id, ApprovalCode = newCode == "111111" ? "111112" : "111111" }));
        ApproveResponse approve = await f.Mobile.ApproveAsync(new ApproveRequest { PaymentId = id, ApprovalCode = newCode });

        Assert.Equal("1007", expired.ErrorCode);
        Assert.Equal(ResultStatus.Ok, resend.Status);
        Assert.Equal(2, f.Sandbox.Sms.All.Count);
        Assert.Matches("^[0-9]{6}$", newCode);
        Assert.Equal("1006", oldCode.ErrorCode);
        Assert.Equal(ApproveStatus.Ok, approve.Status);
    }

    [Fact]
    public async Task Resend_is_rate_limited_and_capped()
    {
        await using var f = await SandboxFixture.StartAsync(o => o.MaxResends = 2);
        long id = await f.InitAsync();
        await f.Mobile.PayAsync(new PayRequest { PaymentId = id, AbonentPhone = Kcell });

        var tooSoon = await Assert.ThrowsAsync<FreedomPayGatewayException>(() => f.Mobile.ResendCodeAsync(new ResendCodeRequest { PaymentId = id }));
        f.Clock.Advance(TimeSpan.FromSeconds(31));
        await f.Mobile.ResendCodeAsync(new ResendCodeRequest { PaymentId = id });
        f.Clock.Advance(TimeSpan.FromSeconds(31));
        await f.Mobile.ResendCodeAsync(new ResendCodeRequest { PaymentId = id });
        f.Clock.Advance(TimeSpan.FromSeconds(31));
        var capped = await Assert.ThrowsAsync<FreedomPayGatewayException>(() => f.Mobile.ResendCodeAsync(new ResendCodeRequest { PaymentId = id }));

        Assert.Equal("1009", tooSoon.ErrorCode);
        Assert.Contains("try again in 30 seconds", tooSoon.ErrorDescription);
        Assert.Equal("1010", capped.ErrorCode);
        Assert.Equal(3, f.Sandbox.Sms.All.Count);
    }

    [Fact]
    public async Task A_finished_payment_is_never_charged_twice()
    {
        await using var f = await SandboxFixture.StartAsync();
        long id = await f.InitAsync();
        await f.Mobile.PayAsync(new PayRequest { PaymentId = id, AbonentPhone = Kcell });
        await f.Mobile.ApproveAsync(new ApproveRequest { PaymentId = id, ApprovalCode = "111111" });

        var approveAgain = await Assert.ThrowsAsync<FreedomPayGatewayException>(() => f.Mobile.ApproveAsync(new ApproveRequest { PaymentId = id, ApprovalCode = "111111" }));
        var payAgain = await Assert.ThrowsAsync<FreedomPayGatewayException>(() => f.Mobile.PayAsync(new PayRequest { PaymentId = id, AbonentPhone = Beeline }));

        Assert.Equal("1004", approveAgain.ErrorCode);
        Assert.Contains("already paid", approveAgain.ErrorDescription);
        Assert.Contains("Nothing was changed", payAgain.ErrorDescription);
        SandboxPayment payment = f.Sandbox.FindPayment(id)!;
        Assert.Equal(SandboxPaymentStatus.Success, payment.Status);
        Assert.Equal(1, payment.History.Count(e => e.Status == SandboxPaymentStatus.Success && e.What.Contains("approved")));
        Assert.Equal(Kcell, payment.Phone);
    }

    [Fact]
    public async Task Pay_while_waiting_for_the_code_is_refused()
    {
        await using var f = await SandboxFixture.StartAsync();
        long id = await f.InitAsync();
        await f.Mobile.PayAsync(new PayRequest { PaymentId = id, AbonentPhone = Kcell });

        var again = await Assert.ThrowsAsync<FreedomPayGatewayException>(() => f.Mobile.PayAsync(new PayRequest { PaymentId = id, AbonentPhone = Kcell }));

        Assert.Equal("1004", again.ErrorCode);
        Assert.Single(f.Sandbox.Sms.All);
    }

    [Fact]
    public async Task Approve_before_pay_is_refused()
    {
        await using var f = await SandboxFixture.StartAsync();
        long id = await f.InitAsync();

        var ex = await Assert.ThrowsAsync<FreedomPayGatewayException>(() => f.Mobile.ApproveAsync(new ApproveRequest { PaymentId = id, ApprovalCode = "111111" }));

        Assert.Equal("1004", ex.ErrorCode);
        Assert.Contains("use pay first", ex.ErrorDescription);
    }

    [Fact]
    public async Task A_phone_that_is_not_a_test_phone_is_refused()
    {
        await using var f = await SandboxFixture.StartAsync();
        long id = await f.InitAsync();

        var ex = await Assert.ThrowsAsync<FreedomPayGatewayException>(() => f.Mobile.PayAsync(new PayRequest { PaymentId = id, AbonentPhone = "77991234567" }));

        Assert.Equal("1005", ex.ErrorCode);
        Assert.Contains(Kcell, ex.ErrorDescription);
    }

    [Fact]
    public async Task A_lifetime_that_ran_out_makes_the_payment_incomplete()
    {
        await using var f = await SandboxFixture.StartAsync();
        InitResponse init = await f.Mobile.InitAsync(new InitRequest { Amount = 10m, Description = "x", Lifetime = 300 });
        f.Clock.Advance(TimeSpan.FromSeconds(301));

        var ex = await Assert.ThrowsAsync<FreedomPayGatewayException>(() => f.Mobile.PayAsync(new PayRequest { PaymentId = init.PaymentId, AbonentPhone = Beeline }));
        StatusResponse status = await f.Mobile.StatusAsync(new StatusRequest { PaymentId = init.PaymentId });

        Assert.Equal("1012", ex.ErrorCode);
        Assert.Equal(PaymentStatus.Incomplete, status.PaymentStatus);
    }

    [Fact]
    public async Task The_same_idempotency_key_returns_the_same_payment()
    {
        await using var f = await SandboxFixture.StartAsync();

        long first = await f.InitAsync(idempotencyKey: "order-77");
        long second = await f.InitAsync(idempotencyKey: "order-77");
        long other = await f.InitAsync(idempotencyKey: "order-78");

        Assert.Equal(first, second);
        Assert.NotEqual(first, other);
        Assert.Equal(2, f.Sandbox.Payments.Count);
    }
}
