using System;
using System.Threading.Tasks;
using FreedomPay.CardIssuing;
using FreedomPay.Partner;

namespace FreedomPay.Sandbox.Tests;

/// <summary>
/// The v5 request lifecycle in the sandbox: issued test cards that block, unblock and close as a card would, requests
/// accepted, then processing, then done, read by the request_id their body carried; a partner's rates kept and a
/// wallet blocked once.
/// </summary>
public sealed class CardIssuingTests
{
    [Fact]
    public async Task A_card_is_blocked_unblocked_and_closed_and_each_request_goes_from_accepted_to_processing_to_done()
    {
        await using var f = await SandboxFixture.StartAsync();
        CardIssuingClient cards = f.Client.CardIssuing;

        BlockCardResponse blocked = await cards.BlockCardAsync(new BlockCardRequest { CardId = "card-1", Description = "lost" });
        var again = await Assert.ThrowsAsync<FreedomPayGatewayException>(() => cards.BlockCardAsync(new BlockCardRequest { CardId = "card-1", Description = "lost" }));
        RequestStatusResponse processing = await cards.RequestStatusAsync(new RequestStatusRequest { RequestToRead = blocked.RequestId! });
        f.Clock.Advance(TimeSpan.FromSeconds(2));
        RequestStatusResponse done = await cards.RequestStatusAsync(new RequestStatusRequest { RequestToRead = blocked.RequestId! });
        await cards.UnblockCardAsync(new UnblockCardRequest { CardId = "card-1", Description = "found" });
        await cards.CloseCardAsync(new CloseCardRequest { CardId = "card-1", Description = "expired" });
        var closed = await Assert.ThrowsAsync<FreedomPayGatewayException>(() => cards.UnblockCardAsync(new UnblockCardRequest { CardId = "card-1", Description = "found" }));
        var unknown = await Assert.ThrowsAsync<FreedomPayGatewayException>(() => cards.CloseCardAsync(new CloseCardRequest { CardId = "4405645000006150", Description = "x" }));

        Assert.Equal((ResultStatus.Ok, "accepted"), (blocked.Status, blocked.RequestStatus));
        Assert.Equal("1004", again.ErrorCode); // a blocked card is not blocked twice
        Assert.Equal(("processing", "card-1"), (processing.RequestStatus, Assert.Single(processing.Cards).CardId));
        Assert.Equal("done", done.RequestStatus);
        Assert.Contains("closed", closed.Message);
        Assert.Equal("1017", unknown.ErrorCode);
    }

    [Fact]
    public async Task A_lost_refund_is_found_by_request_status_under_the_id_the_outcome_names()
    {
        await using var f = await SandboxFixture.StartAsync();
        f.Sandbox.Faults.Add(CardIssuingClient.RefundTransactionInfo, SandboxFault.DropConnection(afterProcessing: true));

        var lost = await Assert.ThrowsAsync<FreedomPayOutcomeUnknownException>(() => f.Client.CardIssuing.RefundTransactionAsync(new RefundTransactionRequest
        {
            OrderId = "R-1", TransactionId = "tx-1", Description = "returned", Amount = 500m,
        }));
        RequestStatusResponse status = await f.Client.CardIssuing.RequestStatusAsync(new RequestStatusRequest { RequestToRead = lost.RequestId! });

        Assert.Equal(ResultStatus.Ok, status.Status); // the refund was made: not to be sent again
        Assert.Contains(status.RequestStatus, new[] { "processing", "done" });
    }

    [Fact]
    public async Task A_partners_rates_are_kept_and_a_wallet_is_blocked_once()
    {
        await using var f = await SandboxFixture.StartAsync();
        string merchant = f.Sandbox.Merchant.MerchantId;

        await f.Client.Partner.AddRatesAsync(new AddRatesRequest
        {
            Rates = [new PartnerRate { CurrencyFrom = "USD", CurrencyTo = "KZT", Rate = 441.507m }, new PartnerRate { CurrencyFrom = "EUR", CurrencyTo = "KZT", Rate = 512.1m, RateType = "p2p" }],
        });
        BlockWalletResponse blocked = await f.Client.Partner.BlockWalletAsync(new BlockWalletRequest { Identifier = "77011234567", Description = "fraud" });
        var again = await Assert.ThrowsAsync<FreedomPayGatewayException>(() => f.Client.Partner.BlockWalletAsync(new BlockWalletRequest { Identifier = "77011234567", Description = "fraud" }));

        Assert.Equal((441.507m, 512.1m, (decimal?)null), (f.Sandbox.PartnerRate(merchant, "USD", "KZT"), f.Sandbox.PartnerRate(merchant, "EUR", "KZT", "p2p"), f.Sandbox.PartnerRate(merchant, "EUR", "KZT")));
        Assert.Equal("accepted", blocked.RequestStatus);
        Assert.Equal("1004", again.ErrorCode);
    }
}
