using System.Collections.Generic;
using System.Linq;
using FreedomPay.Sandbox.Gateway;

namespace FreedomPay.Sandbox.Payments
{
    /// <summary>
    /// Payouts and saved cards live beside the payments, under the same lock and the same bound: a balance is what
    /// the merchant's payments brought in less what its payouts took out, so both must be read atomically.
    /// </summary>
    internal sealed partial class PaymentBook
    {
        private readonly List<Payout> _payouts = new List<Payout>();

        /// <summary>What forgotten payments brought in and forgotten payouts took out, per merchant: balances never jump.</summary>
        private readonly Dictionary<string, decimal> _forgotten = new Dictionary<string, decimal>();

        /// <summary>Saved cards and card-saving sessions. Callers hold <see cref="Gate"/>.</summary>
        public CardVault Vault { get; } = new CardVault(maxPayments);

        /// <summary>
        /// What the merchant may pay out: debited payments (cleared card amounts less refunds; paid mobile payments)
        /// less payouts that are accepted or made. Callers hold <see cref="Gate"/>.
        /// </summary>
        public decimal Balance(string merchantId)
        {
            decimal balance = _forgotten.TryGetValue(merchantId, out decimal forgotten) ? forgotten : 0m;
            foreach (Payment payment in _payments.Values)
            {
                balance += payment.MerchantId == merchantId ? BroughtIn(payment) : 0m;
            }

            return balance - _payouts.Where(p => p.MerchantId == merchantId && p.HoldsBalance).Sum(p => p.Amount);
        }

        /// <summary>Accepts a payout if the balance covers it. Callers hold <see cref="Gate"/>.</summary>
        public Payout AddPayout(Payout payout)
        {
            decimal balance = Balance(payout.MerchantId);
            if (payout.Amount > balance)
            {
                throw new GatewayError(SandboxErrorCodes.InsufficientBalance, $"The balance ({balance:0.00}) does not cover the payout ({payout.Amount:0.00}).");
            }

            _payouts.Add(payout);
            int oldest = _payouts.FindIndex(p => p.State != PayoutState.Process);
            if (_payouts.Count > maxPayments && oldest >= 0)
            {
                Payout forgotten = _payouts[oldest];
                _payouts.RemoveAt(oldest);
                Remember(forgotten.MerchantId, forgotten.HoldsBalance ? -forgotten.Amount : 0m);
            }

            return payout;
        }

        /// <summary>What a payment added to the balance: cleared card amounts less refunds, or a paid mobile payment.</summary>
        private static decimal BroughtIn(Payment payment) => payment.Card is { } card ? card.Cleared - card.Refunded
            : payment.Status == SandboxPaymentStatus.Success ? payment.Terms.Amount
            : 0m;

        private void Remember(string merchantId, decimal amount) =>
            _forgotten[merchantId] = (_forgotten.TryGetValue(merchantId, out decimal sum) ? sum : 0m) + amount;

        /// <summary>The merchant's payout, or a "not found" refusal. Callers hold <see cref="Gate"/>.</summary>
        public Payout FindPayout(string merchantId, long id) =>
            _payouts.FirstOrDefault(p => p.Id == id && p.MerchantId == merchantId)
            ?? throw new GatewayError(SandboxErrorCodes.PaymentNotFound, $"Payout {id} does not exist for merchant {merchantId}.");

        /// <summary>Copies of every payout kept, oldest first.</summary>
        public IReadOnlyList<SandboxPayout> AllPayouts()
        {
            lock (Gate)
            {
                return _payouts.Select(p => p.Snapshot()).ToArray();
            }
        }

        /// <summary>The payout whose page has this key, or null. Callers hold <see cref="Gate"/>.</summary>
        public Payout? FindPayoutByPage(string pageKey) =>
            _payouts.FirstOrDefault(p => p.BackLink is not null && string.Equals(p.PageKey, pageKey, System.StringComparison.Ordinal));

        /// <summary>The merchant's latest payout with this order id, or null. Callers hold <see cref="Gate"/>.</summary>
        public Payout? FindPayoutByOrder(string merchantId, string orderId) =>
            _payouts.LastOrDefault(p => p.MerchantId == merchantId && p.OrderId == orderId);
    }
}
