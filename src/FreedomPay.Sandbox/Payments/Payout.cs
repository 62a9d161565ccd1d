using System;
using System.Security.Cryptography;

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
    /// and reported by Payout notify. A payout to a card not saved (reg2nonreg) waits on its page until the recipient
    /// types the card. Callers hold the <see cref="PaymentBook"/>'s lock.
    /// </summary>
    internal sealed class Payout(long id, string merchantId, string orderId, decimal amount, string description, string? target, TestCard? card, string? postLink, DateTimeOffset createdAt)
    {
        public long Id { get; } = id;

        public string MerchantId { get; } = merchantId;

        public string OrderId { get; } = orderId;

        public decimal Amount { get; } = amount;

        public string Description { get; } = description;

        /// <summary>Where the money goes, as replies show it: a masked card number or a masked IBAN; null while the page waits for a card.</summary>
        public string? Target { get; private set; } = target;

        /// <summary>The test card paid to (its behaviour decides the outcome); null for an IBAN, which always succeeds.</summary>
        public TestCard? Card { get; private set; } = card;

        /// <summary>Where the recipient returns from the payout page (reg2nonreg's pg_back_link); null for other payouts.</summary>
        public string? BackLink { get; init; }

        /// <summary>The unguessable key in the payout page's address, for a payout that waits for a card.</summary>
        public string PageKey { get; } = RandomNumberGenerator.GetHexString(32, lowercase: true);

        public string PagePath => "pay/payout/" + PageKey;

        /// <summary>A reg2nonreg payout whose recipient has not typed a card yet: nothing can be paid.</summary>
        public bool AwaitsCard => Target is null;

        /// <summary>The card the recipient typed on the payout page.</summary>
        public void PayTo(TestCard card, string maskedPan)
        {
            Card = card;
            Target = maskedPan;
        }

        public string? PostLink { get; } = postLink;

        public DateTimeOffset CreatedAt { get; } = createdAt;

        public PayoutState State { get; private set; } = PayoutState.Process;

        public DateTimeOffset? FinishedAt { get; private set; }

        /// <summary>Whether the amount leaves (or has left) the balance: accepted or made, not failed.</summary>
        public bool HoldsBalance => State != PayoutState.Failed;

        public SandboxPayout Snapshot() => new(
            Id, MerchantId, OrderId, Amount, Target, State switch { PayoutState.Ok => "success", PayoutState.Failed => "error", _ => "process" }, CreatedAt, FinishedAt, BackLink is null ? null : PagePath);

        /// <summary>Makes the payout: a declining test card fails it (the amount returns to the balance).</summary>
        public void Finish(DateTimeOffset now)
        {
            if (State != PayoutState.Process || AwaitsCard)
            {
                return;
            }

            State = Card?.Behavior == TestCardBehavior.Declines ? PayoutState.Failed : PayoutState.Ok;
            FinishedAt = now;
        }
    }
}
