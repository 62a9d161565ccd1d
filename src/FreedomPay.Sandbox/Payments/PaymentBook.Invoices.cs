using System;
using System.Collections.Generic;
using System.Linq;
using FreedomPay.Sandbox.Gateway;

namespace FreedomPay.Sandbox.Payments
{
    /// <summary>Invoices live beside the payments, under the same lock and bound (the oldest are forgotten first).</summary>
    internal sealed partial class PaymentBook
    {
        private readonly List<SandboxInvoice> _invoices = new List<SandboxInvoice>();

        /// <summary>Keeps an invoice. Callers hold <see cref="Gate"/>.</summary>
        public SandboxInvoice AddInvoice(SandboxInvoice invoice)
        {
            _invoices.Add(invoice);
            if (_invoices.Count > maxPayments)
            {
                _invoices.RemoveRange(0, _invoices.Count - maxPayments);
            }

            return invoice;
        }

        /// <summary>The merchant's invoice, or a "not found" refusal. Callers hold <see cref="Gate"/>.</summary>
        public SandboxInvoice FindInvoice(string merchantId, string id) =>
            _invoices.FirstOrDefault(i => i.MerchantId == merchantId && string.Equals(i.Id, id, StringComparison.Ordinal))
            ?? throw new GatewayError(SandboxErrorCodes.PaymentNotFound, $"Invoice {id} does not exist for merchant {merchantId}.");

        /// <summary>The invoice whose page has this key, or null. Callers hold <see cref="Gate"/>.</summary>
        public SandboxInvoice? FindInvoiceByPage(string pageKey) =>
            _invoices.FirstOrDefault(i => string.Equals(i.PageKey, pageKey, StringComparison.Ordinal));
    }
}
