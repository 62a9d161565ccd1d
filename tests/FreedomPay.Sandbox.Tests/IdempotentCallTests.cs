using System.Threading;
using System.Threading.Tasks;
using FreedomPay.Sandbox.Tests.AsyncReads;

namespace FreedomPay.Sandbox.Tests;

/// <summary>
/// A call that moves money, of an operation the gateway deduplicates by its request id (<c>idempotent: request-id</c>,
/// the Gateway Async API's promise): retried under the same id after a lost reply, never made twice, and resumable
/// with the id an unknown outcome names. The sandbox answers a repeated id with its first reply, as the docs say.
/// </summary>
public sealed class IdempotentCallTests
{
    private static async Task<(SandboxFixture Fixture, Counter Refunds)> StartAsync()
    {
        var refunds = new Counter();
        SandboxFixture f = await SandboxFixture.StartAsync(o => o.AddArea(AsyncReadsClient.Operations));
        f.Sandbox.Handle(AsyncReadsClient.RefundPaymentInfo, call =>
        {
            refunds.Add();
            return call.DefaultReply();
        });
        return (f, refunds);
    }

    [Fact]
    public async Task A_lost_reply_is_retried_under_the_same_request_id_and_the_refund_is_made_once()
    {
        (SandboxFixture f, Counter refunds) = await StartAsync();
        await using var _ = f;
        f.Sandbox.Faults.Add(AsyncReadsClient.RefundPaymentInfo, SandboxFault.DropConnection(afterProcessing: true));

        RefundPaymentResponse refund = await f.Client.AsyncReads().RefundPaymentAsync(new RefundPaymentRequest { PaymentId = 7, Amount = 100m });

        Assert.Equal(1, refunds.Value);
        Assert.Equal(RefundPaymentStatus.Ok, refund.Status);
        Assert.Matches("^[0-9a-f]{8}-", refund.RequestId!);
        Assert.Equal(refund.RequestId, refund.Raw.Header("X-Request-Id")); // the gateway's echo of the id the retry carried
    }

    [Fact]
    public async Task Every_attempt_lost_is_an_unknown_outcome_naming_the_id_and_resending_with_it_makes_no_second_refund()
    {
        (SandboxFixture f, Counter refunds) = await StartAsync();
        await using var _ = f;
        f.Sandbox.Faults.Add(AsyncReadsClient.RefundPaymentInfo, SandboxFault.DropConnection(afterProcessing: true, times: 3));

        var lost = await Assert.ThrowsAsync<FreedomPayOutcomeUnknownException>(() => f.Client.AsyncReads().RefundPaymentAsync(new RefundPaymentRequest { PaymentId = 7, Amount = 100m }));
        RefundPaymentResponse resumed = await f.Client.AsyncReads().RefundPaymentAsync(new RefundPaymentRequest { PaymentId = 7, Amount = 100m, RequestId = lost.RequestId });
        RefundPaymentResponse again = await f.Client.AsyncReads().RefundPaymentAsync(new RefundPaymentRequest { PaymentId = 7, Amount = 100m, RequestId = lost.RequestId });

        Assert.Equal(1, refunds.Value); // three attempts, two resends: one refund
        Assert.Contains("after 3 attempts under request id " + lost.RequestId, lost.Message);
        Assert.Contains("RequestId = \"" + lost.RequestId + "\"", lost.Message);
        Assert.Equal((lost.RequestId, resumed.RefundId), (resumed.RequestId, again.RefundId)); // the first reply, both times
    }

    [Fact]
    public async Task Server_errors_before_the_gateway_acts_are_retried_and_the_callers_own_id_is_the_one_sent()
    {
        (SandboxFixture f, Counter refunds) = await StartAsync();
        await using var _ = f;
        f.Sandbox.Faults.Add(AsyncReadsClient.RefundPaymentInfo, SandboxFault.HttpError(times: 2));
        const string Mine = "0b9f3c9e-1c2d-4e5f-8a9b-0c1d2e3f4a5b";

        RefundPaymentResponse refund = await f.Client.AsyncReads().RefundPaymentAsync(new RefundPaymentRequest { PaymentId = 7, Amount = 100m, RequestId = Mine });
        var header = await Assert.ThrowsAsync<FreedomPayValidationException>(() => f.Client.AsyncReads().RefundPaymentAsync(new RefundPaymentRequest { PaymentId = 7, Amount = 1m, RequestId = "id\r\nX-Evil: 1" }));

        Assert.Equal((1, Mine, Mine), (refunds.Value, refund.RequestId, refund.Raw.Header("X-Request-Id")));
        Assert.Equal("RequestId", Assert.Single(header.Errors).MemberName);
        Assert.Single(f.Sandbox.Requests, r => r.Operation == "AsyncReads.RefundPayment"); // the two 500s came before any handling
    }

    [Fact]
    public async Task A_request_id_in_the_body_is_the_same_on_every_attempt_and_the_gateway_deduplicates_by_it()
    {
        var refunds = new Counter();
        string? seen = null;
        await using var f = await SandboxFixture.StartAsync(o => o.AddArea(AsyncReadsClient.Operations));
        f.Sandbox.Handle(AsyncReadsClient.RefundByBodyIdInfo, call =>
        {
            refunds.Add();
            seen = call.Request.Optional("request_id");
            return call.DefaultReply();
        });
        f.Sandbox.Faults.Add(AsyncReadsClient.RefundByBodyIdInfo, SandboxFault.DropConnection(afterProcessing: true));

        RefundByBodyIdResponse refund = await f.Client.AsyncReads().RefundByBodyIdAsync(new RefundByBodyIdRequest { TransactionId = 5, Amount = 10m });

        Assert.Equal(1, refunds.Value);
        Assert.Matches("^[0-9a-f]{8}-[0-9a-f]{4}-4", seen!); // a UUID v4
        Assert.Equal(seen, refund.RequestId);
    }

    /// <summary>How often the sandbox's handler ran, read after the calls.</summary>
    private sealed class Counter
    {
        private int _value;

        public int Value => Volatile.Read(ref _value);

        public void Add() => Interlocked.Increment(ref _value);
    }
}
