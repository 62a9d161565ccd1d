using System;
using System.Collections.Generic;
using FreedomPay.Sandbox.Gateway;

namespace FreedomPay.Sandbox.Payments
{
    /// <summary>
    /// All sandbox payments, in memory, at most <see cref="FreedomPaySandboxOptions.MaxPayments"/> of them: beyond that
    /// the oldest are forgotten, so a long-running sandbox does not grow without end. One lock keeps every state
    /// change atomic.
    /// </summary>
    internal sealed partial class PaymentBook(int maxPayments)
    {
        private readonly Dictionary<long, Payment> _payments = new Dictionary<long, Payment>();
        private readonly Queue<Payment> _byAge = new Queue<Payment>();
        private readonly Dictionary<string, Payment> _byPageKey = new Dictionary<string, Payment>(StringComparer.Ordinal);
        private readonly Dictionary<(string Merchant, string Key), long> _idempotencyKeys = new Dictionary<(string, string), long>();
        private long _nextId = 1_000_001;
        private long _nextProfile = 500_001;

        public object Gate { get; } = new object();

        /// <summary>Creates a payment, or returns the one an earlier init with the same idempotency key created.</summary>
        public Payment Create(string merchantId, PaymentTerms terms, DateTimeOffset now)
        {
            lock (Gate)
            {
                if (terms.IdempotencyKey is { } key && _idempotencyKeys.TryGetValue((merchantId, key), out long existing))
                {
                    return _payments[existing];
                }

                var payment = new Payment(_nextId++, merchantId, terms, now);
                _payments.Add(payment.Id, payment);
                _byPageKey.Add(payment.PageKey, payment);
                _byAge.Enqueue(payment);
                if (terms.IdempotencyKey is { } newKey)
                {
                    _idempotencyKeys.Add((merchantId, newKey), payment.Id);
                }

                while (_byAge.Count > maxPayments)
                {
                    Forget(_byAge.Dequeue());
                }

                return payment;
            }
        }

        /// <summary>A new recurring profile id (its own counter: profiles are not payments). Callers hold <see cref="Gate"/>.</summary>
        public long NewRecurringProfile() => _nextProfile++;

        /// <summary>The merchant's card payment that created the recurring profile, or null. Callers hold <see cref="Gate"/>.</summary>
        public Payment? FindByRecurringProfile(string merchantId, long profile)
        {
            foreach (Payment payment in _payments.Values)
            {
                if (payment.MerchantId == merchantId && payment.Card?.RecurringProfile == profile)
                {
                    return payment;
                }
            }

            return null;
        }

        /// <summary>An id no payment has or will have: for payouts and card-saving sessions (one sequence, as on the gateway) and for replies the default emulation makes up.</summary>
        public long ReserveId()
        {
            lock (Gate)
            {
                return _nextId++;
            }
        }

        private void Forget(Payment payment)
        {
            Remember(payment.MerchantId, BroughtIn(payment));
            _payments.Remove(payment.Id);
            _byPageKey.Remove(payment.PageKey);
            if (payment.Terms.IdempotencyKey is { } key)
            {
                _idempotencyKeys.Remove((payment.MerchantId, key));
            }
        }

        /// <summary>The merchant's payment; another merchant's payment is as good as absent.</summary>
        public Payment Find(string merchantId, long id)
        {
            lock (Gate)
            {
                return _payments.TryGetValue(id, out Payment? payment) && payment.MerchantId == merchantId
                    ? payment
                    : throw new GatewayError(SandboxErrorCodes.PaymentNotFound, $"Payment {id} does not exist for merchant {merchantId}.");
            }
        }

        /// <summary>The merchant's payment, or null (pages that name a payment in what a browser posts).</summary>
        public Payment? TryFind(string merchantId, long id)
        {
            lock (Gate)
            {
                return _payments.TryGetValue(id, out Payment? payment) && payment.MerchantId == merchantId ? payment : null;
            }
        }

        /// <summary>The payment behind a hosted page address, or null.</summary>
        public Payment? FindByPageKey(string pageKey)
        {
            lock (Gate)
            {
                return _byPageKey.TryGetValue(pageKey, out Payment? payment) ? payment : null;
            }
        }

        /// <summary>The merchant's latest payment with this order id, or null. Callers hold <see cref="Gate"/>.</summary>
        public Payment? FindByOrder(string merchantId, string orderId)
        {
            Payment? latest = null;
            foreach (Payment payment in _payments.Values)
            {
                if (payment.MerchantId == merchantId && payment.Terms.OrderId == orderId && (latest is null || payment.Id > latest.Id))
                {
                    latest = payment;
                }
            }

            return latest;
        }

        public SandboxPayment? Snapshot(long id)
        {
            lock (Gate)
            {
                return _payments.TryGetValue(id, out Payment? payment) ? payment.Snapshot() : null;
            }
        }

        public IReadOnlyList<SandboxPayment> All()
        {
            lock (Gate)
            {
                var all = new List<SandboxPayment>(_payments.Count);
                foreach (Payment payment in _payments.Values)
                {
                    all.Add(payment.Snapshot());
                }

                return all;
            }
        }
    }
}
