using System;
using System.Security.Cryptography;

namespace FreedomPay.Sandbox.Payments
{
    /// <summary>Where a sandbox invoice stands, as the Invoice API's invoice_status names it.</summary>
    internal enum InvoiceState
    {
        Process,
        Ok,
        Failed,
        Incomplete,
    }

    /// <summary>
    /// A bill the buyer pays later (the Invoice API): created by Init, paid on the sandbox's invoice page (where the
    /// QR code leads) or by Pay. Callers hold the <see cref="PaymentBook"/>'s lock.
    /// </summary>
    internal sealed class InvoiceBill(string merchantId, string orderId, decimal amount, string currency, string description, DateTimeOffset createdAt)
    {
        /// <summary>Unguessable, like the gateway's: the id is all Info, Status and Pay need.</summary>
        public string Id { get; } = "inv-" + RandomNumberGenerator.GetHexString(24, lowercase: true);

        public string MerchantId { get; } = merchantId;

        public string OrderId { get; } = orderId;

        public decimal Amount { get; } = amount;

        public string Currency { get; } = currency;

        public string Description { get; } = description;

        public DateTimeOffset CreatedAt { get; } = createdAt;

        public InvoiceState State { get; private set; } = InvoiceState.Process;

        public DateTimeOffset? PaidAt { get; private set; }

        /// <summary>The key of the page the QR code leads to.</summary>
        public string PageKey { get; } = RandomNumberGenerator.GetHexString(32, lowercase: true);

        public string PagePath => "pay/invoice/" + PageKey;

        /// <summary>Pays the invoice; false when it is not waiting for payment.</summary>
        public bool Pay(DateTimeOffset now)
        {
            if (State != InvoiceState.Process)
            {
                return false;
            }

            State = InvoiceState.Ok;
            PaidAt = now;
            return true;
        }

        public string WireState => State.ToString().ToLowerInvariant();

        public SandboxInvoice Snapshot() => new(Id, MerchantId, OrderId, Amount, Currency, Description, WireState, CreatedAt, PaidAt, PagePath);
    }
}
