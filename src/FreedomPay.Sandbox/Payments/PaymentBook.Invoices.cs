using System;
using System.Collections.Generic;
using System.Linq;
using FreedomPay.Sandbox.Gateway;

namespace FreedomPay.Sandbox.Payments
{
    /// <summary>Invoices live beside the payments, under the same lock and bound (the oldest are forgotten first).</summary>
    internal sealed partial class PaymentBook
    {
        private readonly List<InvoiceBill> _invoices = new List<InvoiceBill>();

        /// <summary>Keeps an invoice. Callers hold <see cref="Gate"/>.</summary>
        public InvoiceBill AddInvoice(InvoiceBill invoice)
        {
            _invoices.Add(invoice);
            if (_invoices.Count > maxPayments)
            {
                _invoices.RemoveRange(0, _invoices.Count - maxPayments);
            }

            return invoice;
        }

        /// <summary>The merchant's invoice, or a "not found" refusal. Callers hold <see cref="Gate"/>.</summary>
        public InvoiceBill FindInvoice(string merchantId, string id) =>
            _invoices.FirstOrDefault(i => i.MerchantId == merchantId && string.Equals(i.Id, id, StringComparison.Ordinal))
            ?? throw new GatewayError(SandboxErrorCodes.PaymentNotFound, $"Invoice {id} does not exist for merchant {merchantId}.");

        /// <summary>Copies of every invoice kept, oldest first.</summary>
        public IReadOnlyList<SandboxInvoice> AllInvoices()
        {
            lock (Gate)
            {
                return _invoices.Select(i => i.Snapshot()).ToArray();
            }
        }

        /// <summary>The invoice whose page has this key, or null. Callers hold <see cref="Gate"/>.</summary>
        public InvoiceBill? FindInvoiceByPage(string pageKey) =>
            _invoices.FirstOrDefault(i => string.Equals(i.PageKey, pageKey, StringComparison.Ordinal));
    }
}
