using System;
using System.Linq;
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
        StatementResponse opened = await f.Client.CardIssuing.StatementAsync(new StatementRequest { CardId = "card-5" });
        f.Sandbox.Faults.Add(CardIssuingClient.RefundTransactionInfo, SandboxFault.DropConnection(afterProcessing: true));

        var lost = await Assert.ThrowsAsync<FreedomPayOutcomeUnknownException>(() => f.Client.CardIssuing.RefundTransactionAsync(new RefundTransactionRequest
        {
            OrderId = "R-1", TransactionId = opened.Operations[0].Rrn, Description = "returned", Amount = 500m,
        }));
        RequestStatusResponse status = await f.Client.CardIssuing.RequestStatusAsync(new RequestStatusRequest { RequestToRead = lost.RequestId! });
        StatementResponse after = await f.Client.CardIssuing.StatementAsync(new StatementRequest { CardId = "card-5" });

        Assert.Equal(ResultStatus.Ok, status.Status); // the refund was made: not to be sent again
        Assert.Equal(("processing", "card-5"), (status.RequestStatus, Assert.Single(status.Cards).CardId));
        Assert.Equal(new[] { 1000m, -500m }, after.Operations.Select(o => o.Amount));
    }

    [Fact]
    public async Task A_cards_statement_lists_its_purchase_and_refunds_and_the_extended_one_its_balance()
    {
        await using var f = await SandboxFixture.StartAsync();
        CardIssuingClient cards = f.Client.CardIssuing;
        DateTimeOffset opening = f.Clock.GetUtcNow();

        StatementResponse opened = await cards.StatementAsync(new StatementRequest { CardId = "card-7" });
        CardOperation purchase = Assert.Single(opened.Operations);
        f.Clock.Advance(TimeSpan.FromMinutes(5));
        await cards.RefundTransactionAsync(new RefundTransactionRequest { OrderId = "R-7", TransactionId = purchase.Rrn, Description = "returned", Amount = 400m });
        var tooMuch = await Assert.ThrowsAsync<FreedomPayGatewayException>(() => cards.RefundTransactionAsync(new RefundTransactionRequest { OrderId = "R-8", TransactionId = purchase.Rrn, Description = "again", Amount = 600.01m }));
        var unknown = await Assert.ThrowsAsync<FreedomPayGatewayException>(() => cards.RefundTransactionAsync(new RefundTransactionRequest { OrderId = "R-9", TransactionId = "999", Description = "none", Amount = 1m }));
        StatementResponse all = await cards.StatementAsync(new StatementRequest { CardId = "card-7" });
        StatementResponse later = await cards.StatementAsync(new StatementRequest { CardId = "card-7", StartDate = opening.AddMinutes(1), EndDate = opening.AddMinutes(10) });
        StatementExtendedResponse extended = await cards.StatementExtendedAsync(new StatementExtendedRequest { CardId = "card-7", StartDate = opening.AddDays(-1), EndDate = opening.AddDays(1) });
        await cards.CloseCardAsync(new CloseCardRequest { CardId = "card-7", Description = "closed" });
        var toClosed = await Assert.ThrowsAsync<FreedomPayGatewayException>(() => cards.RefundTransactionAsync(new RefundTransactionRequest { OrderId = "R-10", TransactionId = purchase.Rrn, Description = "late", Amount = 1m }));

        Assert.Equal(("purchase", 1000m, "KZT", opening), (purchase.Type, purchase.Amount, purchase.Currency, purchase.Datetime));
        Assert.Equal(new[] { ("purchase", 1000m), ("refund", -400m) }, all.Operations.Select(o => (o.Type, o.Amount)));
        Assert.Equal(("refund", opening.AddMinutes(5)), (Assert.Single(later.Operations).Type, later.Operations[0].Datetime));
        Assert.Equal(("1001", "1003", "1004"), (tooMuch.ErrorCode, unknown.ErrorCode, toClosed.ErrorCode));
        Assert.Contains("600", tooMuch.Message); // what is left to refund
        CardAccount account = Assert.Single(extended.Balances!.Accounts);
        Assert.Equal(("card-7", 1000m, 400m, 99_400m), (extended.Card!.CardId, account.Debit, account.Credit, account.Amount));
        Assert.Matches("^440000\\*{6}[0-9]{4}$", extended.Card.CardMask);
    }

    [Fact]
    public async Task A_client_company_is_added_once()
    {
        await using var f = await SandboxFixture.StartAsync();
        var request = new AddClientRequest
        {
            Company = new ClientCompany
            {
                CompanyId = "c-1", Name = "Sandbox LLP", Bin = "123456789012",
                Address = new ClientAddress { Country = "KZ", PostalCode = "050000", AddressLine1 = "Almaty" },
            },
        };

        AddClientResponse added = await f.Client.Partner.AddClientAsync(request);
        var again = await Assert.ThrowsAsync<FreedomPayGatewayException>(() => f.Client.Partner.AddClientAsync(request));

        Assert.Equal((ResultStatus.Ok, "accepted"), (added.Status, added.RequestStatus));
        Assert.Equal("1004", again.ErrorCode);
        Assert.Contains("c-1", again.Message);
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
