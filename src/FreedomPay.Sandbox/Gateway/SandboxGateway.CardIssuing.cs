using System;
using System.Globalization;
using FreedomPay.Sandbox.Payments;

namespace FreedomPay.Sandbox.Gateway
{
    /// <summary>
    /// The Card API (v5/card-api/...) with state: issued test cards (ids starting with <c>card-</c>) that block, unblock
    /// and close as a card would (a closed card stays closed; blocking a blocked one is refused), and requests that are
    /// accepted, then processing, then done, as RequestStatus reads them by the request_id their body carried.
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
            string cardId = request.Required("card_id");
            lock (_issued.Gate)
            {
                IssuedCardState state = _issued.StateOf(merchant.MerchantId, cardId)
                    ?? throw new GatewayError(SandboxErrorCodes.CardNotFound, $"Card {cardId} is not issued (the sandbox's issued test cards have ids starting with {IssuedCards.TestPrefix}).");
                if (state == IssuedCardState.Closed || (from is { } required && state != required))
                {
                    throw new GatewayError(SandboxErrorCodes.WrongState, $"Card {cardId} is {state.ToString().ToLowerInvariant()}: it cannot be {what}. Nothing was changed.");
                }

                _issued.Set(merchant.MerchantId, cardId, to);
                return Accepted(_issued.Remember(merchant.MerchantId, request.Required("request_id"), cardId, Now));
            }
        }

        /// <summary>transaction/refund: accepted as a request (the sandbox keeps no card transactions to check it against).</summary>
        private SandboxReply RefundCardTransaction(GatewayRequest request, SandboxMerchant merchant)
        {
            request.RequiredDecimal("amount", 0.01m, 99999999m);
            lock (_issued.Gate)
            {
                return Accepted(_issued.Remember(merchant.MerchantId, request.Required("request_id"), cardId: null, Now));
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
                var reply = new SandboxReply().Set("status", "ok").Set("request_status", found.RequestStatus(Now, _options.CardRequestProcessing));
                if (found.CardId is { } cardId)
                {
                    reply.Add("cards", new SandboxReply().Set("card_id", cardId));
                }

                return reply.Set("client_id", "client-" + merchant.MerchantId).Set("dt", CardApiTime(Now));
            }
        }

        private static SandboxReply Accepted(CardRequest request) => new SandboxReply().Set("status", "ok").Set("request_status", "accepted").Set("dt", CardApiTime(request.AcceptedAt));

        /// <summary>The Card API's dt: YYYY-MM-DDThh:mm:ss+hh:mm, in Kazakhstan's time.</summary>
        private static string CardApiTime(DateTimeOffset at) => at.ToOffset(TimeSpan.FromHours(5)).ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture);
    }
}
