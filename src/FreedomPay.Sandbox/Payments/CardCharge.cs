using System;
using System.Collections.Generic;

namespace FreedomPay.Sandbox.Payments
{
    /// <summary>
    /// What a card payment adds to a payment: one- or two-step, what was held, cleared and refunded, and the
    /// recurring profile it created. Amounts only ever move within the payment's amount: clearing at most what is
    /// held, refunds at most what was cleared.
    /// </summary>
    internal sealed class CardCharge(bool autoClearing, bool recurringStart)
    {
        private readonly List<CardRefund> _refunds = new List<CardRefund>();

        /// <summary>One step (debited at once) or two (held until clearing or cancel).</summary>
        public bool AutoClearing { get; } = autoClearing;

        /// <summary>Whether a successful payment creates a recurring profile.</summary>
        public bool RecurringStart { get; } = recurringStart;

        /// <summary>The card as the gateway shows it: first six and last four digits.</summary>
        public string? MaskedPan { get; set; }

        /// <summary>The amount debited (0 while held).</summary>
        public decimal Cleared { get; set; }

        public decimal Refunded { get; private set; }

        /// <summary>What may still be refunded.</summary>
        public decimal Refundable => Cleared - Refunded;

        public IReadOnlyList<CardRefund> Refunds => _refunds;

        /// <summary>The profile a RecurringStart payment created, which make_recurring_payment.php charges.</summary>
        public long? RecurringProfile { get; set; }

        public void AddRefund(CardRefund refund)
        {
            _refunds.Add(refund);
            Refunded += refund.Amount;
        }

        /// <summary>4405645000006150 -> 440564******6150.</summary>
        public static string Mask(string pan) => pan.Substring(0, 6) + new string('*', pan.Length - 10) + pan.Substring(pan.Length - 4);
    }

    /// <summary>A refund of a card payment: its own payment id, as get_status3.php lists refunds.</summary>
    internal sealed record CardRefund(long Id, decimal Amount, DateTimeOffset At);
}
