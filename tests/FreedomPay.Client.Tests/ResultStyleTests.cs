using System.Threading.Tasks;
using FreedomPay.Client.Tests.Infrastructure;
using FreedomPay.MobileBalance;
using FreedomPay.TestSupport;

namespace FreedomPay.Client.Tests;

/// <summary>AsResultAsync: gateway declines as values; everything else still throws.</summary>
public sealed class ResultStyleTests
{
    private static readonly PayRequest Pay = new() { PaymentId = 1, AbonentPhone = "77077777777" };

    [Fact]
    public async Task A_success_is_a_result_with_the_reply()
    {
        using var test = new TestClient();
        test.Gateway.Respond = r => FakeGateway.Xml(FakeGateway.SignedReply("pay", ("pg_status", "ok"), ("pg_payment_id", "1")));

        FreedomPayResult<PayResponse> result = await test.Client.MobileBalance.PayAsync(Pay).AsResultAsync();

        Assert.True(result.IsSuccess);
        Assert.Equal(PayStatus.Ok, result.Value.Status);
        Assert.Null(result.Refusal);
    }

    [Fact]
    public async Task A_decline_is_a_result_with_the_refusal()
    {
        using var test = new TestClient();
        test.Gateway.Respond = r => FakeGateway.Xml(FakeGateway.SignedReply("pay", ("pg_status", "error"), ("pg_error_code", "1011"), ("pg_error_description", "Insufficient balance")));

        FreedomPayResult<PayResponse> result = await test.Client.MobileBalance.PayAsync(Pay).AsResultAsync();

        Assert.False(result.IsSuccess);
        Assert.Equal("1011", result.Refusal!.ErrorCode);
        Assert.Equal("Refused: error 1011, Insufficient balance", result.ToString());
        Assert.Throws<FreedomPayGatewayException>(() => result.Value);
    }

    [Fact]
    public async Task Other_failures_still_throw()
    {
        using var test = new TestClient();
        test.Gateway.Respond = r => FakeGateway.Xml(FakeGateway.Document("response", ("pg_status", "ok")));

        var ex = await Assert.ThrowsAsync<FreedomPayOutcomeUnknownException>(() => test.Client.MobileBalance.PayAsync(Pay).AsResultAsync());
        Assert.IsType<FreedomPaySignatureException>(ex.InnerException);
    }
}
