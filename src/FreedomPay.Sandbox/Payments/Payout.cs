using System;

namespace FreedomPay.Sandbox.Payments
{
    /// <summary>Where a sandbox payout stands: accepted (process), then made (ok) or failed.</summary>
    internal enum PayoutState
    {
        Process,
        Ok,
        Failed,
    }

    /// <summary>
    /// Money out of a merchant's balance: accepted at once (the amount is reserved), made or failed a moment later,
    /// and reported by Payout notify. Callers hold the <see cref="PaymentBook"/>'s lock.
    /// </summary>
    internal sealed class Payout(long id, string merchantId, string orderId, decimal amount, string description, string target, TestCard? card, string? postLink, DateTimeOffset createdAt)
    {
        public long Id { get; } = id;

        public string MerchantId { get; } = merchantId;

        public string OrderId { get; } = orderId;

        public decimal Amount { get; } = amount;

        public string Description { get; } = description;

        /// <summary>Where the money goes, as replies show it: a masked card number or a masked IBAN.</summary>
        public string Target { get; } = target;

        /// <summary>The test card paid to (its behaviour decides the outcome); null for an IBAN, which always succeeds.</summary>
        public TestCard? Card { get; } = card;

        public string? PostLink { get; } = postLink;

        public DateTimeOffset CreatedAt { get; } = createdAt;

        public PayoutState State { get; private set; } = PayoutState.Process;

        public DateTimeOffset? FinishedAt { get; private set; }

        /// <summary>Whether the amount leaves (or has left) the balance: accepted or made, not failed.</summary>
        public bool HoldsBalance => State != PayoutState.Failed;

        /// <summary>Makes the payout: a declining test card fails it (the amount returns to the balance).</summary>
        public void Finish(DateTimeOffset now)
        {
            if (State != PayoutState.Process)
            {
                return;
            }

            State = Card?.Behavior == TestCardBehavior.Declines ? PayoutState.Failed : PayoutState.Ok;
            FinishedAt = now;
        }
    }
}
