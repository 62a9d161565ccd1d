using System.Threading.Tasks;
using FreedomPay.Client.Tests.Infrastructure;
using FreedomPay.MobileBalance;
using FreedomPay.TestSupport;

namespace FreedomPay.Client.Tests;

/// <summary><c>RequestId</c> on a request: what an operation without a request id makes of it.</summary>
public sealed class RequestIdTests
{
    [Fact]
    public async Task An_operation_that_sends_no_request_id_ignores_the_callers_and_does_not_show_it_as_sent()
    {
        using var test = new TestClient();
        test.Gateway.Respond = _ => FakeGateway.Xml(FakeGateway.SignedReply("get_status3.php", ("pg_status", "ok"), ("pg_payment_id", "7"), ("pg_payment_status", "success")));

        StatusResponse status = await test.Client.MobileBalance.StatusAsync(new StatusRequest { PaymentId = 7, RequestId = "0b9f3c9e-1c2d-4e5f-8a9b-0c1d2e3f4a5b" });

        Assert.Null(status.RequestId);
        Assert.DoesNotContain("0b9f3c9e", test.Gateway.Single.BodyText);
    }

    [Fact]
    public async Task A_request_id_that_is_not_header_text_is_refused_before_sending()
    {
        using var test = new TestClient();

        var ex = await Assert.ThrowsAsync<FreedomPayValidationException>(() => test.Client.MobileBalance.StatusAsync(new StatusRequest { PaymentId = 7, RequestId = "a b" }));

        Assert.Equal("RequestId", Assert.Single(ex.Errors).MemberName);
        Assert.Empty(test.Gateway.Requests);
    }
}
