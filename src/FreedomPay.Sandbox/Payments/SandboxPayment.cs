using System;
using System.Collections.Generic;

namespace FreedomPay.Sandbox
{
    /// <summary>Where a sandbox payment stands; the wire value is what get_status3.php reports.</summary>
    public enum SandboxPaymentStatus
    {
        /// <summary>Created by init, not charged yet (<c>new</c>).</summary>
        New,

        /// <summary>Waiting for the SMS code (<c>pending</c>).</summary>
        Pending,

        /// <summary>Charged (<c>success</c>).</summary>
        Success,

        /// <summary>Declined or too many wrong codes (<c>failed</c>).</summary>
        Failed,

        /// <summary>Its lifetime ran out before it was paid (<c>incomplete</c>).</summary>
        Incomplete,

        /// <summary>A two-step card payment held until clearing or cancel (<c>success</c>, with <c>pg_captured=0</c>).</summary>
        Authorized,

        /// <summary>A card payment cancelled before clearing, or refunded in full (<c>revoked</c>).</summary>
        Revoked,
    }

    /// <summary>One step in a payment's history.</summary>
    public sealed record SandboxEvent(DateTimeOffset At, SandboxPaymentStatus Status, string What);

    /// <summary>A read-only copy of a sandbox payment, for tests and tools.</summary>
    public sealed record SandboxPayment(
        long Id,
        string MerchantId,
        SandboxPaymentStatus Status,
        decimal Amount,
        string Currency,
        string? OrderId,
        string? Phone,
        int WrongAttempts,
        int CodesSent,
        IReadOnlyList<SandboxEvent> History,
        string Description,
        string HostedPagePath)
    {
        /// <summary>What a card payment has debited (its amount once cleared; 0 while held, and for mobile payments).</summary>
        public decimal Cleared { get; init; }

        /// <summary>What has been refunded of a card payment.</summary>
        public decimal Refunded { get; init; }

        /// <summary>The recurring profile a card payment with RecurringStart created.</summary>
        public long? RecurringProfile { get; init; }
    }

    internal static class SandboxPaymentStatusWire
    {
        public static string ToWire(this SandboxPaymentStatus status) => status switch
        {
            SandboxPaymentStatus.New => "new",
            SandboxPaymentStatus.Pending => "pending",
            SandboxPaymentStatus.Success or SandboxPaymentStatus.Authorized => "success",
            SandboxPaymentStatus.Failed => "failed",
            SandboxPaymentStatus.Revoked => "revoked",
            _ => "incomplete",
        };
    }
}
