using System;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using FreedomPay.Client.Tests.Infrastructure;
using FreedomPay.MobileBalance;
using FreedomPay.TestSupport;

namespace FreedomPay.Client.Tests;

/// <summary>
/// What the client does when the network or the gateway fails: operations that move money are sent exactly once
/// and a lost reply is "outcome unknown"; safe operations (status) are retried with backoff.
/// </summary>
public sealed class TransportFailureTests
{
    private static readonly PayRequest Pay = new() { PaymentId = 987654321, AbonentPhone = "77077777777" };
    private static readonly StatusRequest Status = new() { PaymentId = 987654321 };

    private static TestClient FastRetries(int attempts = 3) => new(o => o.Retry = new FreedomPayRetryOptions { MaxAttempts = attempts, BaseDelay = TimeSpan.FromMilliseconds(1), MaxDelay = TimeSpan.FromMilliseconds(5) });

    [Fact]
    public async Task A_pay_whose_connection_breaks_after_sending_is_sent_once_and_its_outcome_is_unknown()
    {
        using var test = FastRetries();
        test.Gateway.Respond = r => throw new HttpRequestException("connection reset");

        var ex = await Assert.ThrowsAsync<FreedomPayOutcomeUnknownException>(() => test.Client.MobileBalance.PayAsync(Pay));

        Assert.Single(test.Gateway.Requests);
        Assert.Equal("MobileBalance.Pay", ex.Operation);
        Assert.Contains("check the payment's status before sending it again", ex.Message);
    }

    [Fact]
    public async Task A_pay_that_could_not_connect_was_not_sent_and_says_so()
    {
        using var test = FastRetries();
        test.Gateway.Respond = r => throw new HttpRequestException(HttpRequestError.ConnectionError, "Connection refused");

        var ex = await Assert.ThrowsAsync<FreedomPayNetworkException>(() => test.Client.MobileBalance.PayAsync(Pay));

        Assert.Contains("was not sent", ex.Message);
        Assert.Contains("safe to call again", ex.Message);
    }

    [Fact]
    public async Task A_pay_answered_with_http_500_is_outcome_unknown_and_not_repeated()
    {
        using var test = FastRetries();
        test.Gateway.Respond = r => FakeGateway.Xml("oops", HttpStatusCode.InternalServerError);

        var ex = await Assert.ThrowsAsync<FreedomPayOutcomeUnknownException>(() => test.Client.MobileBalance.PayAsync(Pay));

        Assert.Equal(500, ex.HttpStatusCode);
        Assert.Single(test.Gateway.Requests);
    }

    [Fact]
    public async Task A_pay_that_times_out_is_outcome_unknown()
    {
        using var test = new TestClient(o => o.Timeout = TimeSpan.FromMilliseconds(100));
        test.Gateway.Delay = TimeSpan.FromSeconds(10);

        var ex = await Assert.ThrowsAsync<FreedomPayOutcomeUnknownException>(() => test.Client.MobileBalance.PayAsync(Pay));

        Assert.Contains("no reply within 0.1 s", ex.Message);
        Assert.Single(test.Gateway.Requests);
    }

    [Fact]
    public async Task A_status_call_that_meets_two_http_500s_then_succeeds_returns_the_status()
    {
        using var test = FastRetries();
        int calls = 0;
        test.Gateway.Respond = r => Interlocked.Increment(ref calls) <= 2
            ? FakeGateway.Xml("busy", HttpStatusCode.InternalServerError)
            : FakeGateway.Xml(FakeGateway.SignedReply("get_status3.php", ("pg_status", "ok"), ("pg_payment_id", "987654321"), ("pg_payment_status", "success")));

        StatusResponse status = await test.Client.MobileBalance.StatusAsync(Status);

        Assert.Equal(PaymentStatus.Success, status.PaymentStatus);
        Assert.Equal(3, test.Gateway.Requests.Count);
        Assert.Equal(3, test.Gateway.Requests.Select(r => r["pg_salt"]).Distinct().Count()); // every attempt signs afresh
    }

    [Fact]
    public async Task A_status_call_that_keeps_failing_gives_up_after_the_configured_attempts()
    {
        using var test = FastRetries(attempts: 4);
        test.Gateway.Respond = r => throw new HttpRequestException("connection reset");

        var ex = await Assert.ThrowsAsync<FreedomPayNetworkException>(() => test.Client.MobileBalance.StatusAsync(Status));

        Assert.Equal(4, test.Gateway.Requests.Count);
        Assert.Contains("safe to call again", ex.Message);
    }

    [Fact]
    public async Task A_status_call_that_times_out_is_retried()
    {
        using var test = new TestClient(o =>
        {
            o.Timeout = TimeSpan.FromMilliseconds(100);
            o.Retry = new FreedomPayRetryOptions { MaxAttempts = 2, BaseDelay = TimeSpan.Zero, MaxDelay = TimeSpan.Zero };
        });
        test.Gateway.Delay = TimeSpan.FromSeconds(10);

        await Assert.ThrowsAsync<FreedomPayNetworkException>(() => test.Client.MobileBalance.StatusAsync(Status));

        Assert.Equal(2, test.Gateway.Requests.Count);
    }

    [Fact]
    public async Task A_client_error_status_is_not_retried()
    {
        using var test = FastRetries();
        test.Gateway.Respond = r => FakeGateway.Xml("not here", HttpStatusCode.NotFound);

        var ex = await Assert.ThrowsAsync<FreedomPayProtocolException>(() => test.Client.MobileBalance.StatusAsync(Status));

        Assert.Equal(404, ex.HttpStatusCode);
        Assert.Single(test.Gateway.Requests);
    }

    [Fact]
    public async Task Gateway_refusals_and_signature_failures_are_not_retried()
    {
        using var test = FastRetries();
        test.Gateway.Respond = r => FakeGateway.Xml(FakeGateway.SignedReply("get_status3.php", ("pg_status", "error"), ("pg_error_code", "1003"), ("pg_error_description", "Not found")));

        await Assert.ThrowsAsync<FreedomPayGatewayException>(() => test.Client.MobileBalance.StatusAsync(Status));

        Assert.Single(test.Gateway.Requests);
    }

    [Fact]
    public async Task Retries_can_be_turned_off()
    {
        using var test = FastRetries(attempts: 1);
        test.Gateway.Respond = r => FakeGateway.Xml("busy", HttpStatusCode.ServiceUnavailable);

        await Assert.ThrowsAsync<FreedomPayProtocolException>(() => test.Client.MobileBalance.StatusAsync(Status));

        Assert.Single(test.Gateway.Requests);
    }

    [Fact]
    public async Task Cancelling_while_waiting_to_retry_stops_at_once()
    {
        using var test = new TestClient(o => o.Retry = new FreedomPayRetryOptions { MaxAttempts = 5, BaseDelay = TimeSpan.FromSeconds(30), MaxDelay = TimeSpan.FromSeconds(30) });
        test.Gateway.Respond = r => FakeGateway.Xml("busy", HttpStatusCode.InternalServerError);
        using var cts = new CancellationTokenSource(TimeSpan.FromMilliseconds(200));

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => test.Client.MobileBalance.StatusAsync(Status, cts.Token));

        Assert.Single(test.Gateway.Requests);
    }

    [Fact]
    public void Each_operation_carries_the_timeout_its_spec_gives()
    {
        Assert.Equal(TimeSpan.FromSeconds(30), MobileBalanceClient.InitInfo.Descriptor.Timeout);
        Assert.Equal(TimeSpan.FromSeconds(60), MobileBalanceClient.PayInfo.Descriptor.Timeout);
        Assert.Equal(TimeSpan.FromSeconds(15), MobileBalanceClient.StatusInfo.Descriptor.Timeout);
        Assert.True(MobileBalanceClient.StatusInfo.Descriptor.SafeToRetry);
        Assert.False(MobileBalanceClient.PayInfo.Descriptor.SafeToRetry);
    }
}
