using System;
using System.Collections.Generic;
using System.Linq;

namespace FreedomPay.Sandbox
{
    /// <summary>An SMS the sandbox "sent" to a test phone.</summary>
    public sealed record SentSms(string Phone, string Code, long PaymentId, DateTimeOffset SentAt);

    /// <summary>The codes the sandbox "sent", so that tests and the demo can read the "SMS".</summary>
    public sealed class SmsInbox
    {
        private readonly object _gate = new object();
        private readonly List<SentSms> _messages = new List<SentSms>();
        private readonly int _capacity;

        internal SmsInbox(int capacity) => _capacity = capacity;

        /// <summary>Every message kept, oldest first (the latest <see cref="FreedomPaySandboxOptions.MaxPayments"/>).</summary>
        public IReadOnlyList<SentSms> All
        {
            get
            {
                lock (_gate)
                {
                    return _messages.ToArray();
                }
            }
        }

        /// <summary>The latest code sent for a payment, or null.</summary>
        public string? LastCodeFor(long paymentId) => All.LastOrDefault(m => m.PaymentId == paymentId)?.Code;

        /// <summary>The latest code sent to a phone (with or without '+'), or null.</summary>
        public string? LastCodeFor(string phone) => All.LastOrDefault(m => m.Phone == phone.TrimStart('+'))?.Code;

        internal void Add(SentSms message)
        {
            lock (_gate)
            {
                _messages.Add(message);
                if (_messages.Count > _capacity)
                {
                    // Half the capacity at once: removal from the front is O(n), so it happens rarely.
                    _messages.RemoveRange(0, _messages.Count - (_capacity / 2));
                }
            }
        }
    }
}
