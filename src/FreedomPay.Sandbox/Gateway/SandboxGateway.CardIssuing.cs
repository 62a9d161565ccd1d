using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using FreedomPay.Sandbox.Payments;

namespace FreedomPay.Sandbox.Gateway
{
    /// <summary>
    /// The Card API (v5/card-api/...) with state: issued test cards (ids starting with <c>card-</c>) that block, unblock
    /// and close as a card would (a closed card stays closed; blocking a blocked one is refused) and keep their
    /// operations (an opening purchase, refunds of it) for the statements; requests that are accepted, then
    /// processing, then done, as RequestStatus reads them by the request_id their body carried.
    /// </summary>
    internal sealed partial class SandboxGateway
    {
        private readonly IssuedCards _issued = new IssuedCards();

        private SandboxReply BlockIssuedCard(GatewayRequest request, SandboxMerchant merchant) =>
            ChangeIssuedCard(request, merchant, IssuedCardState.Blocked, from: IssuedCardState.Active, "blocked");

        private SandboxReply UnblockIssuedCard(GatewayRequest request, SandboxMerchant merchant) =>
            ChangeIssuedCard(request, merchant, IssuedCardState.Active, from: IssuedCardState.Blocked, "unblocked");

        private SandboxReply CloseIssuedCard(GatewayRequest request, SandboxMerchant merchant) =>
            ChangeIssuedCard(request, merchant, IssuedCardState.Closed, from: null, "closed");

        /// <summary>A card moved from <paramref name="from"/> (any but closed when null) to <paramref name="to"/>.</summary>
        private SandboxReply ChangeIssuedCard(GatewayRequest request, SandboxMerchant merchant, IssuedCardState to, IssuedCardState? from, string what)
        {
            lock (_issued.Gate)
            {
                IssuedCard card = FindIssuedCard(request, merchant);
                if (card.State == IssuedCardState.Closed || (from is { } required && card.State != required))
                {
                    throw new GatewayError(SandboxErrorCodes.WrongState, $"Card {card.Id} is {card.State.ToString().ToLowerInvariant()}: it cannot be {what}. Nothing was changed.");
                }

                card.State = to;
                return Accepted(_issued.Remember(merchant.MerchantId, request.Required("request_id"), card.Id, Now));
            }
        }

        /// <summary>transaction/refund: a refund of a test card's purchase, named by its rrn, up to what is left of it.</summary>
        private SandboxReply RefundCardTransaction(GatewayRequest request, SandboxMerchant merchant)
        {
            decimal amount = request.RequiredDecimal("amount", 0.01m, 99999999m);
            string transactionId = request.Required("transaction_id");
            lock (_issued.Gate)
            {
                (IssuedCard card, IssuedCardOperation purchase) = _issued.FindPurchase(merchant.MerchantId, transactionId)
                    ?? throw new GatewayError(SandboxErrorCodes.PaymentNotFound, $"Transaction {transactionId} is not a purchase on an issued card (a test card's opening purchase has its rrn in the statement).");
                if (card.State == IssuedCardState.Closed)
                {
                    throw new GatewayError(SandboxErrorCodes.WrongState, $"Card {card.Id} is closed: nothing can be paid to it. Nothing was refunded.");
                }

                decimal left = purchase.Amount - card.RefundedOf(purchase);
                if (amount > left)
                {
                    throw new GatewayError(SandboxErrorCodes.InvalidField, $"Field amount must be at most what is left to refund of transaction {transactionId}, {left.ToString(CultureInfo.InvariantCulture)}. Nothing was refunded.");
                }

                _issued.Refund(merchant.MerchantId, card, purchase, amount, Now);
                return Accepted(_issued.Remember(merchant.MerchantId, request.Required("request_id"), card.Id, Now));
            }
        }

        /// <summary>request/status: where a request stands, with the card it concerns.</summary>
        private SandboxReply CardRequestStatus(GatewayRequest request, SandboxMerchant merchant)
        {
            string requestId = request.Required("request_id");
            lock (_issued.Gate)
            {
                CardRequest found = _issued.FindRequest(merchant.MerchantId, requestId)
                    ?? throw new GatewayError(SandboxErrorCodes.PaymentNotFound, $"Request {requestId} is not known.");
                var reply = CardApiReply(found.RequestStatus(Now, _options.CardRequestProcessing));
                if (found.CardId is { } cardId)
                {
                    reply.Add("cards", new SandboxReply().Set("card_id", cardId));
                }

                return reply.Set("client_id", ClientOf(merchant)).Set("dt", CardApiTime(Now));
            }
        }

        /// <summary>card/statement: the card's operations in the period (all when it names none).</summary>
        private SandboxReply IssuedCardStatement(GatewayRequest request, SandboxMerchant merchant)
        {
            lock (_issued.Gate)
            {
                IssuedCard card = FindIssuedCard(request, merchant);
                SandboxReply reply = CardApiReply("done");
                foreach (IssuedCardOperation operation in InPeriod(card, request))
                {
                    reply.Add("operations", new SandboxReply()
                        .Set("type", operation.Type).Set("amount", operation.Amount).Set("commission", 0m).Set("currency", "KZT")
                        .Set("mcc", 5411).Set("datetime", CardApiTime(operation.At)).Set("rrn", operation.Rrn));
                }

                return reply.Set("dt", CardApiTime(Now));
            }
        }

        /// <summary>card/statement_extended: the card and its account's debits, credits and balance over the period.</summary>
        private SandboxReply IssuedCardStatementExtended(GatewayRequest request, SandboxMerchant merchant)
        {
            lock (_issued.Gate)
            {
                IssuedCard card = FindIssuedCard(request, merchant);
                IssuedCardOperation[] period = InPeriod(card, request).ToArray();
                var account = new SandboxReply()
                    .Set("currency", "KZT")
                    .Set("debit", period.Where(o => o.Amount > 0).Sum(o => o.Amount))
                    .Set("credit", -period.Where(o => o.Amount < 0).Sum(o => o.Amount))
                    .Set("amount", card.Balance)
                    .Set("blocked_amount", 0m);
                return CardApiReply("done")
                    .Set("client_id", ClientOf(merchant))
                    .Add("card", new SandboxReply().Set("card_id", card.Id).Set("card_mask", card.Mask))
                    .Add("balances", new SandboxReply().Add("accounts", account));
            }
        }

        /// <summary>The issued card the request's card_id names (callers hold the gate).</summary>
        private IssuedCard FindIssuedCard(GatewayRequest request, SandboxMerchant merchant)
        {
            string cardId = request.Required("card_id");
            return _issued.Find(merchant.MerchantId, cardId, Now)
                ?? throw new GatewayError(SandboxErrorCodes.CardNotFound, $"Card {cardId} is not issued (the sandbox's issued test cards have ids starting with {IssuedCards.TestPrefix}).");
        }

        private static IEnumerable<IssuedCardOperation> InPeriod(IssuedCard card, GatewayRequest request)
        {
            DateTimeOffset from = OptionalTime(request, "start_date") ?? DateTimeOffset.MinValue;
            DateTimeOffset to = OptionalTime(request, "end_date") ?? DateTimeOffset.MaxValue;
            return card.Operations.Where(o => o.At >= from && o.At <= to);
        }

        private static DateTimeOffset? OptionalTime(GatewayRequest request, string name) =>
            request.Optional(name) is { } text
                ? DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.None, out DateTimeOffset at) ? at : throw new GatewayError(SandboxErrorCodes.InvalidField, $"Field {name} is not a time with an offset (YYYY-MM-DDThh:mm:ss+hh:mm).")
                : null;

        private static string ClientOf(SandboxMerchant merchant) => "client-" + merchant.MerchantId;

        private static SandboxReply CardApiReply(string requestStatus) => new SandboxReply().Set("status", "ok").Set("request_status", requestStatus);

        private static SandboxReply Accepted(CardRequest request) => CardApiReply("accepted").Set("dt", CardApiTime(request.AcceptedAt));

        /// <summary>The Card API's dt: YYYY-MM-DDThh:mm:ss+hh:mm, in Kazakhstan's time.</summary>
        private static string CardApiTime(DateTimeOffset at) => at.ToOffset(TimeSpan.FromHours(5)).ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture);
    }
}
