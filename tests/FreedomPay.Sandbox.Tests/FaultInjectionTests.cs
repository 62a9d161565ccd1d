using System;
using System.Threading.Tasks;
using FreedomPay.MobileBalance;

namespace FreedomPay.Sandbox.Tests;

/// <summary>Faults the sandbox injects per operation, and what the client makes of them.</summary>
public sealed class FaultInjectionTests
{
    [Fact]
    public async Task A_pay_whose_reply_never_comes_is_sent_once_took_effect_and_says_outcome_unknown()
    {
        await using var f = await SandboxFixture.StartAsync();
        long id = await f.InitAsync();
        f.Sandbox.Faults.Add(SandboxOperation.Pay, SandboxFault.DropConnection(afterProcessing: true));

        var ex = await Assert.ThrowsAsync<FreedomPayOutcomeUnknownException>(() => f.Mobile.PayAsync(new PayRequest { PaymentId = id, AbonentPhone = "77017777777" }));

        Assert.Contains("check the payment's status", ex.Message);
        Assert.Single(f.Sandbox.Sms.All); // the gateway acted, once
        StatusResponse status = await f.Mobile.StatusAsync(new StatusRequest { PaymentId = id });
        Assert.Equal(PaymentStatus.Pending, status.PaymentStatus);
    }

    [Fact]
    public async Task A_status_call_that_meets_two_http_500s_then_succeeds_returns_the_status()
    {
        await using var f = await SandboxFixture.StartAsync();
        long id = await f.InitAsync();
        f.Sandbox.Faults.Add(SandboxOperation.Status, SandboxFault.HttpError(times: 2));

        StatusResponse status = await f.Mobile.StatusAsync(new StatusRequest { PaymentId = id });

        Assert.Equal(PaymentStatus.New, status.PaymentStatus);
    }

    [Fact]
    public async Task A_pay_answered_with_http_500_is_outcome_unknown_and_sent_once()
    {
        await using var f = await SandboxFixture.StartAsync();
        long id = await f.InitAsync();
        f.Sandbox.Faults.Add(SandboxOperation.Pay, SandboxFault.HttpError(times: 3));

        var ex = await Assert.ThrowsAsync<FreedomPayOutcomeUnknownException>(() => f.Mobile.PayAsync(new PayRequest { PaymentId = id, AbonentPhone = "77077777777" }));

        Assert.Equal(500, ex.HttpStatusCode);
        f.Sandbox.Faults.Clear();
        StatusResponse status = await f.Mobile.StatusAsync(new StatusRequest { PaymentId = id });
        Assert.Equal(PaymentStatus.New, status.PaymentStatus); // the 500 came before processing: nothing was charged
    }

    [Fact]
    public async Task A_wrongly_signed_reply_is_refused()
    {
        await using var f = await SandboxFixture.StartAsync();
        f.Sandbox.Faults.Add(SandboxOperation.Init, SandboxFault.WrongSignature());
        f.Sandbox.Faults.Add(SandboxOperation.Status, SandboxFault.WrongSignature());

        var init = await Assert.ThrowsAsync<FreedomPayOutcomeUnknownException>(() => f.InitAsync());
        await Assert.ThrowsAsync<FreedomPaySignatureException>(() => f.Mobile.StatusAsync(new StatusRequest { PaymentId = 1 }));

        Assert.IsType<FreedomPaySignatureException>(init.InnerException);
    }

    [Fact]
    public async Task A_cut_off_reply_is_a_protocol_error()
    {
        await using var f = await SandboxFixture.StartAsync();
        long id = await f.InitAsync();
        f.Sandbox.Faults.Add(SandboxOperation.Approve, SandboxFault.MalformedReply());
        await f.Mobile.PayAsync(new PayRequest { PaymentId = id, AbonentPhone = "77017777777" });

        var ex = await Assert.ThrowsAsync<FreedomPayProtocolException>(() => f.Mobile.ApproveAsync(new ApproveRequest { PaymentId = id, ApprovalCode = "111111" }));

        Assert.Contains("not well-formed XML", ex.Message);
        Assert.Equal(SandboxPaymentStatus.Success, f.Sandbox.FindPayment(id)!.Status); // it was processed
    }

    [Fact]
    public async Task Latency_beyond_the_client_timeout_is_a_network_error()
    {
        await using var f = await SandboxFixture.StartAsync();
        using var impatient = f.NewClient(f.Sandbox.Merchant.MerchantId, f.Sandbox.Merchant.SecretKey, timeout: TimeSpan.FromMilliseconds(200));
        f.Sandbox.Faults.Add(SandboxOperation.Status, SandboxFault.Latency(TimeSpan.FromSeconds(5), times: 3));

        var ex = await Assert.ThrowsAsync<FreedomPayNetworkException>(() => impatient.MobileBalance.StatusAsync(new StatusRequest { PaymentId = 1 }));

        Assert.Contains("no reply within 0.2 s", ex.Message); // status is safe to repeat: a network error, not "outcome unknown"
    }

    [Fact]
    public async Task A_fault_applies_as_many_times_as_asked_then_stops()
    {
        await using var f = await SandboxFixture.StartAsync();
        long id = await f.InitAsync();
        f.Sandbox.Faults.Add(SandboxOperation.Init, SandboxFault.WrongSignature(times: 2));

        await Assert.ThrowsAsync<FreedomPayOutcomeUnknownException>(() => f.InitAsync());
        await Assert.ThrowsAsync<FreedomPayOutcomeUnknownException>(() => f.InitAsync());
        long third = await f.InitAsync();

        Assert.True(third > 0);
    }
}
