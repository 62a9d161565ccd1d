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
        string HostedPagePath);

    internal static class SandboxPaymentStatusWire
    {
        public static string ToWire(this SandboxPaymentStatus status) => status switch
        {
            SandboxPaymentStatus.New => "new",
            SandboxPaymentStatus.Pending => "pending",
            SandboxPaymentStatus.Success => "success",
            SandboxPaymentStatus.Failed => "failed",
            _ => "incomplete",
        };
    }
}
