using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;

namespace FreedomPay.Sandbox.Payments
{
    /// <summary>An issued card's state in the sandbox's Card API.</summary>
    internal enum IssuedCardState
    {
        Active,
        Blocked,
        Closed,
    }

    /// <summary>
    /// The Card API's issued cards and requests, per merchant. Any card id that starts with <see cref="TestPrefix"/> is
    /// an issued test card, active until blocked or closed; others are not issued. A test card opens, the first time a
    /// call names it, with one purchase of <see cref="OpeningPurchase"/> KZT, whose rrn a refund transaction names. A
    /// request is remembered with the card it concerns and goes accepted -> processing -> done
    /// (<see cref="CardRequest.RequestStatus"/>): the docs print request_status without its values, so these three are
    /// the sandbox's. Bounded like the rest of its memory. Callers hold <see cref="Gate"/>.
    /// </summary>
    internal sealed class IssuedCards
    {
        /// <summary>Card ids of the sandbox's issued test cards start so (<c>card-1</c>).</summary>
        public const string TestPrefix = "card-";

        /// <summary>The purchase each test card opens with (KZT).</summary>
        public const decimal OpeningPurchase = 1000m;

        /// <summary>Each test card's account holds this much before its opening purchase (KZT).</summary>
        public const decimal OpeningBalance = 100_000m;

        private const int MaxEntries = 10_000;
        private const int MaxOperationsPerCard = 100;

        private readonly Dictionary<(string Merchant, string Card), IssuedCard> _cards = new Dictionary<(string, string), IssuedCard>();
        private readonly Dictionary<(string Merchant, string Rrn), (IssuedCard Card, IssuedCardOperation Operation)> _byRrn = new Dictionary<(string, string), (IssuedCard, IssuedCardOperation)>();
        private readonly Dictionary<(string Merchant, string Request), CardRequest> _requests = new Dictionary<(string, string), CardRequest>();
        private readonly Queue<(string, string)> _requestsByAge = new Queue<(string, string)>();
        private long _lastRrn = 100_000_000_000;

        public object Gate { get; } = new object();

        /// <summary>The card, opened the first time a test card id is named; null when the sandbox issued no such card (or holds too many).</summary>
        public IssuedCard? Find(string merchantId, string cardId, DateTimeOffset now)
        {
            if (_cards.TryGetValue((merchantId, cardId), out IssuedCard? card))
            {
                return card;
            }

            if (!cardId.StartsWith(TestPrefix, StringComparison.Ordinal) || cardId.Length > 64 || _cards.Count >= MaxEntries)
            {
                return null;
            }

            card = new IssuedCard(cardId, _cards.Count + 1);
            _cards.Add((merchantId, cardId), card);
            Record(merchantId, card, new IssuedCardOperation("purchase", OpeningPurchase, NextRrn(), now, Of: null));
            return card;
        }

        /// <summary>The purchase a refund names by its rrn, with its card; null when none.</summary>
        public (IssuedCard Card, IssuedCardOperation Operation)? FindPurchase(string merchantId, string rrn) =>
            _byRrn.TryGetValue((merchantId, rrn), out var found) && found.Operation.Type == "purchase" ? found : null;

        /// <summary>Adds an operation to a card (a card keeps its latest <see cref="MaxOperationsPerCard"/>).</summary>
        public IssuedCardOperation Refund(string merchantId, IssuedCard card, IssuedCardOperation purchase, decimal amount, DateTimeOffset now) =>
            Record(merchantId, card, new IssuedCardOperation("refund", -amount, NextRrn(), now, Of: purchase.Rrn));

        /// <summary>Remembers a request (the first time its id is seen) and returns it.</summary>
        public CardRequest Remember(string merchantId, string requestId, string? cardId, DateTimeOffset at)
        {
            if (_requests.TryGetValue((merchantId, requestId), out CardRequest? known))
            {
                return known;
            }

            var request = new CardRequest(requestId, cardId, at);
            _requests.Add((merchantId, requestId), request);
            _requestsByAge.Enqueue((merchantId, requestId));
            while (_requestsByAge.Count > MaxEntries)
            {
                _requests.Remove(_requestsByAge.Dequeue());
            }

            return request;
        }

        public CardRequest? FindRequest(string merchantId, string requestId) => _requests.TryGetValue((merchantId, requestId), out CardRequest? request) ? request : null;

        private IssuedCardOperation Record(string merchantId, IssuedCard card, IssuedCardOperation operation)
        {
            card.Operations.Add(operation);
            card.Balance -= operation.Amount;
            if (card.Operations.Count > MaxOperationsPerCard)
            {
                _byRrn.Remove((merchantId, card.Operations[0].Rrn));
                card.Operations.RemoveAt(0);
            }

            _byRrn[(merchantId, operation.Rrn)] = (card, operation);
            return operation;
        }

        private string NextRrn() => (++_lastRrn).ToString(CultureInfo.InvariantCulture);
    }

    /// <summary>An issued test card: its state and its operations, oldest first.</summary>
    internal sealed class IssuedCard
    {
        public IssuedCard(string id, int number)
        {
            Id = id;
            Mask = "440000******" + (number % 10_000).ToString("D4", CultureInfo.InvariantCulture);
        }

        public string Id { get; }

        /// <summary>The card's masked number (the sandbox's test BIN 440000; never a real card's).</summary>
        public string Mask { get; }

        public IssuedCardState State { get; set; }

        public List<IssuedCardOperation> Operations { get; } = new List<IssuedCardOperation>();

        /// <summary>What has been refunded of a purchase so far (a positive amount).</summary>
        public decimal RefundedOf(IssuedCardOperation purchase) => -Operations.Where(o => o.Of == purchase.Rrn).Sum(o => o.Amount);

        /// <summary>The account's balance now: the opening balance less purchases plus refunds.</summary>
        public decimal Balance { get; set; } = IssuedCards.OpeningBalance;
    }

    /// <summary>An operation on an issued card: a purchase (positive) or a refund of one (negative, naming its rrn).</summary>
    internal sealed record IssuedCardOperation(string Type, decimal Amount, string Rrn, DateTimeOffset At, string? Of);

    /// <summary>A Card API request: its id, the card it concerns, when it was accepted.</summary>
    internal sealed record CardRequest(string Id, string? CardId, DateTimeOffset AcceptedAt)
    {
        /// <summary>accepted (the reply to the request itself), processing, then done once <paramref name="processing"/> has passed.</summary>
        public string RequestStatus(DateTimeOffset now, TimeSpan processing) => now - AcceptedAt >= processing ? "done" : "processing";
    }
}
