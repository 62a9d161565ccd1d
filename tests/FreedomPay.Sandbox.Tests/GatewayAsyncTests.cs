using System;
using System.Linq;
using System.Threading.Tasks;
using FreedomPay.GatewayAsync;

namespace FreedomPay.Sandbox.Tests;

/// <summary>
/// The Gateway Async API (v5/g2g/create, read, edit) against the sandbox: a payment created from a card, read back in
/// the docs' shape (3ds, from.card, clearing, refund_payments), cleared, refunded and reversed on the same card
/// lifecycle as the Gateway's other payments; a declined card is a payment with status error (a reply), a refused
/// request an HTTP 422 with a nested error (an exception); read request tells what a request id made.
/// </summary>
public sealed class GatewayAsyncTests
{
    private const string GoodCard = "4405645000006150";
    private const string DeclinedCard = "4000000000000002";

    private static CreatePaymentRequest Card(string pan, decimal amount = 1500m, bool autoClearing = false, string? orderId = null) => new()
    {
        Amount = amount, Currency = "KZT", Description = "Tickets", OrderId = orderId ?? "A-" + Guid.NewGuid().ToString("N")[..8], AutoClearing = autoClearing,
        From = new PaymentSource
        {
            Type = PaymentSourceType.Card,
            Card = new PaymentCard { Name = "TEST TESTOV", Pan = pan, Cvc = "123", Year = 49, Month = 12 },
        },
        Device = new PayerDevice { UserIp = "203.0.113.7" },
    };

    [Fact]
    public async Task A_held_payment_is_read_in_the_docs_shape_then_cleared_in_part_refunded_in_part_and_read_again()
    {
        await using var f = await SandboxFixture.StartAsync();
        GatewayAsyncClient v5 = f.Client.GatewayAsync;

        CreatePaymentResponse created = await v5.CreatePaymentAsync(Card(GoodCard));
        ReadPaymentResponse held = await v5.ReadPaymentAsync(new ReadPaymentRequest { Id = created.Id });
        ClearingResponse cleared = await v5.ClearingAsync(new ClearingRequest { Id = created.Id, Amount = 1000m });
        RefundResponse refunded = await v5.RefundAsync(new RefundRequest { Id = created.Id, Amount = 400m });
        ReadPaymentResponse after = await v5.ReadPaymentAsync(new ReadPaymentRequest { Id = created.Id });

        Assert.Equal(("approved", 1500m, (string?)null), (created.Status, created.Amount, created.Error?.Code));
        Assert.Matches("^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[0-9a-f]{4}-[0-9a-f]{12}$", created.Id);
        Assert.EndsWith("Z", created.CreatedAt);
        Assert.Equal(("approved", "F", "VI", false), (held.Status, held.ThreeDs!.FlowType, held.From!.Card!.Brand, held.Clearing!.Cleared));
        Assert.Matches("^[0-9]{6}$", held.Additional!.ApprovalCode);
        Assert.Equal((1000m, 1500m), (cleared.Clearing.Amount, cleared.Amount));
        Assert.Equal(("success", -400m), (refunded.RefundPayment.Status, refunded.RefundPayment.Amount));
        Assert.Equal(("success", true, 1000m), (after.Status, after.Clearing!.Cleared, after.Clearing.Amount));
        RefundPayment refund = Assert.Single(after.RefundPayments);
        Assert.Equal((refunded.RefundPayment.Id, -400m), (refund.Id, refund.Amount));
    }

    [Fact]
    public async Task A_card_payment_starts_a_recurrent_profile_that_a_recurrent_payment_is_debited_from()
    {
        await using var f = await SandboxFixture.StartAsync();
        GatewayAsyncClient v5 = f.Client.GatewayAsync;
        var first = new CreatePaymentRequest
        {
            Amount = 1500m, Currency = "KZT", Description = "First month", OrderId = "M-1", AutoClearing = true,
            From = new PaymentSource
            {
                Type = PaymentSourceType.Card,
                Card = new PaymentCard { Name = "TEST TESTOV", Pan = GoodCard, Cvc = "123", Year = 49, Month = 12 },
                Recurrent = new RecurrentProfile { Lifetime = 12 },
            },
        };

        CreatePaymentResponse started = await v5.CreatePaymentAsync(first);
        RecurrentProfileInfo profile = (await v5.ReadPaymentAsync(new ReadPaymentRequest { Id = started.Id })).From!.Recurrent!;
        var monthly = new CreatePaymentRequest
        {
            Amount = 990m, Currency = "KZT", Description = "Second month", OrderId = "M-2", AutoClearing = true,
            From = new PaymentSource { Type = PaymentSourceType.Recurrent, Recurrent = new RecurrentProfile { ProfileId = profile.ProfileId } },
        };
        CreatePaymentResponse charged = await v5.CreatePaymentAsync(monthly);
        ReadPaymentResponse read = await v5.ReadPaymentAsync(new ReadPaymentRequest { Id = charged.Id });
        CreatePaymentResponse again = await v5.CreatePaymentAsync(monthly); // the same order_id: the first payment
        var unknown = await Assert.ThrowsAsync<FreedomPayGatewayException>(() => v5.CreatePaymentAsync(new CreatePaymentRequest
        {
            Amount = 990m, Currency = "KZT", Description = "x", OrderId = "M-3", AutoClearing = true,
            From = new PaymentSource { Type = PaymentSourceType.Recurrent, Recurrent = new RecurrentProfile { ProfileId = "424242" } },
        }));

        Assert.Matches("^[0-9]+$", profile.ProfileId);
        Assert.Equal(("success", 990m), (charged.Status, charged.Amount));
        Assert.Equal((profile.ProfileId, "VI"), (read.From!.Recurrent!.ProfileId, read.From.Card!.Brand));
        Assert.Equal(charged.Id, again.Id);
        Assert.Equal(2, f.Sandbox.Payments.Count);
        Assert.Equal("1016", unknown.ErrorCode);
    }

    [Fact]
    public async Task A_declined_card_is_a_payment_with_status_error_not_an_exception()
    {
        await using var f = await SandboxFixture.StartAsync();

        CreatePaymentResponse declined = await f.Client.GatewayAsync.CreatePaymentAsync(Card(DeclinedCard));
        ReadPaymentResponse read = await f.Client.GatewayAsync.ReadPaymentAsync(new ReadPaymentRequest { Id = declined.Id });

        Assert.Equal(("error", "1011"), (declined.Status, declined.Error?.Code));
        Assert.Equal(("error", "1011"), (read.Status, read.Error?.Code));
        Assert.Contains("declined", read.Error!.Description);
    }

    [Fact]
    public async Task A_refused_request_comes_as_HTTP_422_with_a_nested_error_and_is_a_gateway_exception()
    {
        await using var f = await SandboxFixture.StartAsync();

        var ex = await Assert.ThrowsAsync<FreedomPayGatewayException>(() =>
            f.Client.GatewayAsync.RefundAsync(new RefundRequest { Id = "00000000-0000-7000-8000-00000000ffff", Amount = 10m }));
        (string Text, int Status) raw = await RawPostAsync(f, "v5/g2g/edit", "gateway.payment.refund", "{\"id\":\"nope\",\"amount\":10}");

        Assert.Equal("1003", ex.ErrorCode);
        Assert.Contains("Payment 65535 does not exist", ex.Message); // the description read from error/description
        Assert.Equal(422, raw.Status);
        Assert.StartsWith("{\"error\":{\"code\":\"1003\",\"description\":", raw.Text);
    }

    [Fact]
    public async Task Reverse_releases_a_held_payment_and_read_says_reversed()
    {
        await using var f = await SandboxFixture.StartAsync();
        CreatePaymentResponse created = await f.Client.GatewayAsync.CreatePaymentAsync(Card(GoodCard));

        ReverseResponse reversed = await f.Client.GatewayAsync.ReverseAsync(new ReverseRequest { Id = created.Id });
        ReadPaymentResponse read = await f.Client.GatewayAsync.ReadPaymentAsync(new ReadPaymentRequest { Id = created.Id });

        Assert.Equal(("success", 1500m), (reversed.ReversePayment.Status, reversed.Amount));
        Assert.Equal("reversed", read.Status);
        Assert.Equal(SandboxPaymentStatus.Revoked, f.Sandbox.Payments.Single().Status);
    }

    [Fact]
    public async Task Read_request_tells_what_a_request_id_made_and_why_a_refused_one_failed()
    {
        await using var f = await SandboxFixture.StartAsync();
        GatewayAsyncClient v5 = f.Client.GatewayAsync;
        CreatePaymentResponse created = await v5.CreatePaymentAsync(Card(GoodCard, autoClearing: true));
        RefundResponse refunded = await v5.RefundAsync(new RefundRequest { Id = created.Id, Amount = 100m });
        var refused = await Assert.ThrowsAsync<FreedomPayGatewayException>(() => v5.RefundAsync(new RefundRequest { Id = created.Id, Amount = 99999m, RequestId = "refund-too-much" }));

        ReadRequestResponse ofCreate = await v5.ReadRequestAsync(new ReadRequestRequest { Id = created.RequestId! });
        ReadRequestResponse ofRefund = await v5.ReadRequestAsync(new ReadRequestRequest { Id = refunded.RequestId! });
        ReadRequestResponse ofRefused = await v5.ReadRequestAsync(new ReadRequestRequest { Id = "refund-too-much" });

        Assert.Equal(("success", created.Id, "success"), (ofCreate.Status, ofCreate.Response.Id, ofCreate.Response.Status));
        Assert.Equal(("success", refunded.RefundPayment.Id), (ofRefund.Status, ofRefund.Response.Id));
        Assert.Equal(("error", refused.ErrorCode), (ofRefused.Status, ofRefused.Response.Error?.Code));
    }

    [Fact]
    public async Task The_same_order_id_gets_the_first_payment_and_no_second_charge()
    {
        await using var f = await SandboxFixture.StartAsync();

        CreatePaymentResponse first = await f.Client.GatewayAsync.CreatePaymentAsync(Card(GoodCard, orderId: "A-same"));
        CreatePaymentResponse again = await f.Client.GatewayAsync.CreatePaymentAsync(Card(GoodCard, orderId: "A-same"));

        Assert.Equal(first.Id, again.Id);
        Assert.NotEqual(first.RequestId, again.RequestId);
        Assert.Single(f.Sandbox.Payments);
    }

    [Fact]
    public async Task A_lost_refund_reply_is_retried_under_the_same_request_id_and_refunds_once()
    {
        await using var f = await SandboxFixture.StartAsync();
        CreatePaymentResponse created = await f.Client.GatewayAsync.CreatePaymentAsync(Card(GoodCard, autoClearing: true));
        f.Sandbox.Faults.Add(GatewayAsyncClient.RefundInfo, SandboxFault.DropConnection(afterProcessing: true));

        RefundResponse refunded = await f.Client.GatewayAsync.RefundAsync(new RefundRequest { Id = created.Id, Amount = 300m });
        ReadPaymentResponse read = await f.Client.GatewayAsync.ReadPaymentAsync(new ReadPaymentRequest { Id = created.Id });

        Assert.Equal(refunded.RefundPayment.Id, Assert.Single(read.RefundPayments).Id); // one refund, though the gateway did it before the reply was lost
    }

    private static async Task<(string Text, int Status)> RawPostAsync(SandboxFixture f, string path, string action, string json)
    {
        using var message = new System.Net.Http.HttpRequestMessage(System.Net.Http.HttpMethod.Post, new Uri(f.Sandbox.BaseAddress, path))
        {
            Content = new System.Net.Http.StringContent(json, System.Text.Encoding.UTF8, "application/json"),
        };
        message.Headers.Add("X-Action", action);
        message.Headers.Add("X-Request-Id", Guid.NewGuid().ToString());
        message.Headers.Add("X-JWS-Signature", JwsFor(f, path, json));
        using var http = new System.Net.Http.HttpClient();
        using System.Net.Http.HttpResponseMessage reply = await http.SendAsync(message);
        return (await reply.Content.ReadAsStringAsync(), (int)reply.StatusCode);
    }

    /// <summary>The docs' detached HS256 JWS over the body, made with jose-jwt (not the client's signer).</summary>
    private static string JwsFor(SandboxFixture f, string path, string json) => Jose.JWT.Encode(
        json, System.Text.Encoding.UTF8.GetBytes(f.Sandbox.Merchant.SecretKey), Jose.JwsAlgorithm.HS256,
        new System.Collections.Generic.Dictionary<string, object> { ["uri"] = "/" + path, ["auth_id"] = f.Sandbox.Merchant.MerchantId, ["method"] = "POST", ["params"] = "" },
        options: new Jose.JwtOptions { DetachPayload = true });
}
