using System;

namespace FreedomPay.Sandbox
{
    /// <summary>A read-only copy of a sandbox payout, for tests and tools.</summary>
    /// <param name="Id">The payout's id (pg_payment_id).</param>
    /// <param name="MerchantId">The merchant that paid out.</param>
    /// <param name="OrderId">The merchant's order id.</param>
    /// <param name="Amount">The amount paid out.</param>
    /// <param name="Target">Where the money goes, masked (a card or an IBAN); null while the payout page waits for a card.</param>
    /// <param name="Status">As payment_status2 names it: <c>process</c>, <c>success</c> or <c>error</c>.</param>
    /// <param name="CreatedAt">When it was accepted.</param>
    /// <param name="FinishedAt">When it was made or failed; null while in process.</param>
    /// <param name="PagePath">The payout page (reg2nonreg), without the leading '/'; null for other payouts.</param>
    public sealed record SandboxPayout(long Id, string MerchantId, string OrderId, decimal Amount, string? Target, string Status, DateTimeOffset CreatedAt, DateTimeOffset? FinishedAt, string? PagePath);

    /// <summary>A read-only copy of a sandbox invoice (the Invoice API), for tests and tools.</summary>
    /// <param name="Id">The invoice's id (invoice_id).</param>
    /// <param name="MerchantId">The merchant that issued it.</param>
    /// <param name="OrderId">The merchant's order id.</param>
    /// <param name="Amount">The amount to pay.</param>
    /// <param name="Currency">The amount's currency.</param>
    /// <param name="Description">What it is for.</param>
    /// <param name="Status">As invoice_status names it: <c>process</c>, <c>ok</c>, <c>failed</c> or <c>incomplete</c>.</param>
    /// <param name="CreatedAt">When Init created it.</param>
    /// <param name="PaidAt">When it was paid; null until then.</param>
    /// <param name="PagePath">The page its QR code leads to, without the leading '/'.</param>
    public sealed record SandboxInvoice(string Id, string MerchantId, string OrderId, decimal Amount, string Currency, string Description, string Status, DateTimeOffset CreatedAt, DateTimeOffset? PaidAt, string PagePath);
}
