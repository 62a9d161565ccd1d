using System.Collections.Generic;
using System.Net;
using System.Net.Http;
using System.Threading.Tasks;
using FreedomPay.GatewayTransfers;

namespace FreedomPay.Sandbox.Tests;

/// <summary>The Gateway API's card-to-card transfers in the sandbox: by number or token, the sender's 3-D Secure, status and rates.</summary>
public sealed class GatewayTransferTests
{
    private const string GoodCard = "4405645000006150";
    private const string ChallengeCard = "4000000000003220";
    private static readonly HttpClient Browser = new(new SocketsHttpHandler { AllowAutoRedirect = false });

    private static TransferRequest Between(string sender, string recipient, string order) => new()
    {
        OrderId = order, Amount = 1000m, CurrencyFrom = "KZT", CurrencyTo = "KZT", Description = "Gift",
        CardPan = sender, CardCvc = "123", CardMonth = "12", CardYear = "49", CardName = "TEST TESTOV", CardRecipient = recipient,
    };

    [Fact]
    public async Task A_transfer_between_approving_cards_succeeds_at_once_and_status_finds_it_by_order_id()
    {
        await using var f = await SandboxFixture.StartAsync();

        TransferResponse transfer = await f.Client.GatewayTransfers.TransferAsync(Between(GoodCard, GoodCard, "P-1"));
        StatusResponse status = await f.Client.GatewayTransfers.StatusAsync(new StatusRequest { OrderId = "P-1" });

        Assert.Equal((TransferReplyStatus.Ok, "success", false), (transfer.Status, transfer.PaymentStatus, transfer.ThreeDs));
        Assert.Equal((transfer.PaymentId, "success", 1000m, "4405-64XX-XXXX-6150"), (status.PaymentId, status.PaymentStatus, status.PayoutAmount, status.CardRecipientMask));
        Assert.Null(transfer.ThreeDsPage());
    }

    [Theory]
    [InlineData("111111", "success")]
    [InlineData("000000", "error")]
    public async Task A_sender_asked_for_3DS_passes_the_page_or_fails_it_and_the_completion_says_which(string code, string outcome)
    {
        await using var f = await SandboxFixture.StartAsync();
        TransferResponse transfer = await f.Client.GatewayTransfers.TransferAsync(Between(ChallengeCard, GoodCard, "P-2"));
        FreedomPayRedirect page = transfer.ThreeDsPage()!;

        Assert.Equal((TransferReplyStatus.Pending, "process", "GET"), (transfer.Status, transfer.PaymentStatus, page.Method));
        using HttpResponseMessage shown = await Browser.GetAsync(page.Url);
        Assert.Contains("id=\"issuer-form\"", await shown.Content.ReadAsStringAsync());
        using HttpResponseMessage typed = await Browser.PostAsync(page.Url, new FormUrlEncodedContent(new Dictionary<string, string> { ["code"] = code }));
        Assert.Equal(HttpStatusCode.OK, typed.StatusCode);

        if (outcome == "success")
        {
            CompleteThreeDsResponse completed = await f.Client.GatewayTransfers.CompleteThreeDsAsync(new CompleteThreeDsRequest { PaymentId = transfer.PaymentId });
            Assert.Equal("success", completed.PaymentStatus);
        }
        else
        {
            var failed = await Assert.ThrowsAsync<FreedomPayGatewayException>(() => f.Client.GatewayTransfers.CompleteThreeDsAsync(new CompleteThreeDsRequest { PaymentId = transfer.PaymentId }));
            Assert.Equal("10004", failed.ErrorCode);
        }

        StatusResponse status = await f.Client.GatewayTransfers.StatusAsync(new StatusRequest { PaymentId = transfer.PaymentId });
        Assert.Equal(outcome, status.PaymentStatus);
    }

    [Fact]
    public async Task Completing_before_the_code_is_typed_is_refused_and_rates_list_the_sandbox_pairs()
    {
        await using var f = await SandboxFixture.StartAsync();
        TransferResponse transfer = await f.Client.GatewayTransfers.TransferAsync(Between(ChallengeCard, GoodCard, "P-3"));

        var early = await Assert.ThrowsAsync<FreedomPayGatewayException>(() => f.Client.GatewayTransfers.CompleteThreeDsAsync(new CompleteThreeDsRequest { PaymentId = transfer.PaymentId }));
        RatesResponse rates = await f.Client.GatewayTransfers.RatesAsync(new RatesRequest { CurrencyFrom = "KZT", CurrencyTo = "USD" });

        Assert.Equal("1004", early.ErrorCode);
        TransferRate rate = Assert.Single(rates.Rates);
        Assert.Equal(("KZT", "USD", 0.0019m), (rate.CurrencyFrom, rate.CurrencyTo, rate.Rate));
    }
}
