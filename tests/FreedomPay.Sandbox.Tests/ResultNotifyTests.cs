using System;
using System.Linq;
using System.Threading.Tasks;
using FreedomPay.Callbacks;
using FreedomPay.MobileBalance;
using FreedomPay.Runtime;
using FreedomPay.TestSupport;

namespace FreedomPay.Sandbox.Tests;

/// <summary>The Result notify a finished payment sends to pg_result_url, signed, and retried until HTTP 200.</summary>
public sealed class ResultNotifyTests
{
    [Fact]
    public async Task A_paid_payment_posts_a_signed_result_to_the_result_url()
    {
        await using var merchant = await CallbackServer.StartAsync();
        await using var f = await SandboxFixture.StartAsync();
        var resultUrl = new Uri(merchant.BaseAddress, "shop/freedompay/result");
        long id = await f.InitAsync(amount: 500m, resultUrl: resultUrl.ToString());

        await f.Mobile.PayAsync(new PayRequest { PaymentId = id, AbonentPhone = "77077777777" });
        await merchant.WaitForAsync(1);

        var fields = merchant.Received.Single();
        string Field(string name) => fields.Single(x => x.Key == name).Value;
        Assert.Equal(id.ToString(), Field("pg_payment_id"));
        Assert.Equal("1", Field("pg_result"));
        Assert.Equal("500", Field("pg_amount"));
        Assert.Equal("mobile_commerce", Field("pg_payment_method"));
        Assert.Equal("77077777777", Field("pg_user_phone"));
        Assert.Equal(ReferenceSignature.Sign("result", fields, f.Sandbox.Merchant.SecretKey), Field("pg_sig"));
    }

    [Fact]
    public async Task The_merchants_own_init_parameters_come_back_in_the_signed_result_and_the_callback_reads_them()
    {
        await using var merchant = await CallbackServer.StartAsync();
        await using var f = await SandboxFixture.StartAsync();
        InitResponse init = await f.Mobile.InitAsync(new InitRequest
        {
            Amount = 10m, Description = "x", ResultUrl = new Uri(merchant.BaseAddress, "result").ToString(),
            ExtraParams = new System.Collections.Generic.Dictionary<string, string> { ["shop_order"] = "A-1", ["basket"] = "7" },
        });

        await f.Mobile.PayAsync(new PayRequest { PaymentId = init.PaymentId, AbonentPhone = "77077777777" });
        await merchant.WaitForAsync(1);

        var fields = merchant.Received.Single();
        ResultNotification result = ResultNotification.Parse(CallbackMessage.FromFields("result", fields), f.Sandbox.Merchant.SecretKey);
        Assert.Equal(("A-1", "7"), (result.ExtraParams["shop_order"], result.ExtraParams["basket"]));
        Assert.Equal(2, result.ExtraParams.Count);
    }

    [Fact]
    public async Task A_failed_payment_reports_pg_result_0_with_the_failure()
    {
        await using var merchant = await CallbackServer.StartAsync();
        await using var f = await SandboxFixture.StartAsync();
        long id = await f.InitAsync(resultUrl: new Uri(merchant.BaseAddress, "result").ToString());

        await Assert.ThrowsAsync<FreedomPayGatewayException>(() => f.Mobile.PayAsync(new PayRequest { PaymentId = id, AbonentPhone = "77000000000" }));
        await merchant.WaitForAsync(1);

        var fields = merchant.Received.Single();
        Assert.Equal("0", fields.Single(x => x.Key == "pg_result").Value);
        Assert.Equal("1011", fields.Single(x => x.Key == "pg_failure_code").Value);
    }

    [Fact]
    public async Task Retries_follow_the_configured_interval_until_the_merchant_answers_200()
    {
        await using var merchant = await CallbackServer.StartAsync();
        await using var f = await SandboxFixture.StartAsync(o => { o.ResultRetryInterval = TimeSpan.FromMinutes(30); o.ResultMaxAttempts = 5; });
        merchant.Respond = (call, _) => call < 2
            ? (500, "down")
            : (200, FakeGateway.SignedReply("result", "response", f.Sandbox.Merchant.SecretKey, ("pg_status", "ok"), ("pg_description", "Order accepted")));
        long id = await f.InitAsync(resultUrl: new Uri(merchant.BaseAddress, "result").ToString());
        await f.Mobile.PayAsync(new PayRequest { PaymentId = id, AbonentPhone = "77077777777" });

        await merchant.WaitForAsync(1);
        await WaitUntil(() => f.Sandbox.ResultDeliveries.Single().Attempts.Count == 1);
        f.Clock.Advance(TimeSpan.FromMinutes(30));
        await merchant.WaitForAsync(2);
        await WaitUntil(() => f.Sandbox.ResultDeliveries.Single().Attempts.Count == 2);
        f.Clock.Advance(TimeSpan.FromMinutes(30));
        await merchant.WaitForAsync(3);
        await WaitUntil(() => f.Sandbox.ResultDeliveries.Single().Delivered);

        ResultDelivery delivery = f.Sandbox.ResultDeliveries.Single();
        Assert.Equal(new int?[] { 500, 500, 200 }, delivery.Attempts.Select(a => a.HttpStatus));
        Assert.Equal(TimeSpan.FromMinutes(60), delivery.Attempts[2].At - delivery.Attempts[0].At);
        Assert.Equal("ok", delivery.Attempts[2].ReplyStatus);
        Assert.True(delivery.Attempts[2].ReplySignatureValid);
        Assert.Equal(3, merchant.Received.Count);
        Assert.All(merchant.Received, r => Assert.Equal(merchant.Received[0].Single(x => x.Key == "pg_sig").Value, r.Single(x => x.Key == "pg_sig").Value));
    }

    /// <summary>Waits for a state of the sandbox's delivery records (each attempt's retry timer is already set when it shows).</summary>
    internal static async Task WaitUntil(Func<bool> condition)
    {
        DateTime until = DateTime.UtcNow.AddSeconds(60);
        while (!condition())
        {
            Assert.True(DateTime.UtcNow < until, "timed out waiting");
            await Task.Delay(10);
        }
    }
}
