using System;
using System.Collections.Generic;

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
    /// an issued test card, active until blocked or closed; others are not issued. A request is remembered with the
    /// cards it concerns and goes accepted -> processing -> done (<see cref="CardRequest.RequestStatus"/>): the docs print
    /// request_status without its values, so these three are the sandbox's. Bounded like the rest of its memory.
    /// Callers hold <see cref="Gate"/>.
    /// </summary>
    internal sealed class IssuedCards
    {
        /// <summary>Card ids of the sandbox's issued test cards start so (<c>card-1</c>).</summary>
        public const string TestPrefix = "card-";

        private const int MaxEntries = 10_000;

        private readonly Dictionary<(string Merchant, string Card), IssuedCardState> _states = new Dictionary<(string, string), IssuedCardState>();
        private readonly Dictionary<(string Merchant, string Request), CardRequest> _requests = new Dictionary<(string, string), CardRequest>();
        private readonly Queue<(string, string)> _requestsByAge = new Queue<(string, string)>();

        public object Gate { get; } = new object();

        /// <summary>The card's state; null when the sandbox issued no such card.</summary>
        public IssuedCardState? StateOf(string merchantId, string cardId) =>
            _states.TryGetValue((merchantId, cardId), out IssuedCardState state) ? state
            : cardId.StartsWith(TestPrefix, StringComparison.Ordinal) && cardId.Length <= 64 ? IssuedCardState.Active
            : null;

        public void Set(string merchantId, string cardId, IssuedCardState state)
        {
            if (_states.Count < MaxEntries || _states.ContainsKey((merchantId, cardId)))
            {
                _states[(merchantId, cardId)] = state;
            }
        }

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
    }

    /// <summary>A Card API request: its id, the card it concerns, when it was accepted.</summary>
    internal sealed record CardRequest(string Id, string? CardId, DateTimeOffset AcceptedAt)
    {
        /// <summary>accepted (the reply to the request itself), processing, then done once <paramref name="processing"/> has passed.</summary>
        public string RequestStatus(DateTimeOffset now, TimeSpan processing) => now - AcceptedAt >= processing ? "done" : "processing";
    }
}
