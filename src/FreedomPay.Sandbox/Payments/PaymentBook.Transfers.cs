using System;
using System.Collections.Generic;
using System.Linq;
using FreedomPay.Sandbox.Gateway;

namespace FreedomPay.Sandbox.Payments
{
    /// <summary>The Gateway API's transfers, bounded like the payments (the oldest are forgotten). Callers hold <see cref="Gate"/>.</summary>
    internal sealed partial class PaymentBook
    {
        private readonly List<Transfer> _transfers = new List<Transfer>();

        public Transfer AddTransfer(Transfer transfer)
        {
            _transfers.Add(transfer);
            if (_transfers.Count > maxPayments)
            {
                _transfers.RemoveAt(0);
            }

            return transfer;
        }

        /// <summary>The merchant's transfer by id, or by order id when no id is given.</summary>
        public Transfer FindTransfer(string merchantId, long? id, string? orderId) =>
            _transfers.LastOrDefault(t => t.MerchantId == merchantId && (id is { } wanted ? t.Id == wanted : t.OrderId == orderId))
            ?? throw new GatewayError(SandboxErrorCodes.PaymentNotFound, id is { } missing ? $"Transfer {missing} does not exist for merchant {merchantId}." : $"No transfer has order id {orderId}.");

        /// <summary>The transfer whose 3-D Secure page has this key, or null.</summary>
        public Transfer? FindTransferByPage(string pageKey) =>
            _transfers.FirstOrDefault(t => t.PageKey is { } key && string.Equals(key, pageKey, StringComparison.Ordinal));
    }
}
