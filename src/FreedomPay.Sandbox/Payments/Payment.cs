using System;
using System.Collections.Generic;
using System.Globalization;
using System.Security.Cryptography;
using FreedomPay.Sandbox.Gateway;

namespace FreedomPay.Sandbox.Payments
{
    /// <summary>
    /// A payment's state machine: new -> (pay) -> pending -> (approve) -> success, or success at once, or failed.
    /// Finished payments never change again: a repeated pay or approve is refused with the reason, so nothing is
    /// charged twice. Callers hold the <see cref="PaymentBook"/> lock.
    /// </summary>
    internal sealed partial class Payment
    {
        private readonly List<SandboxEvent> _history = new List<SandboxEvent>();

        public Payment(long id, string merchantId, PaymentTerms terms, DateTimeOffset now)
        {
            Id = id;
            MerchantId = merchantId;
            Terms = terms;
            CreatedAt = now;
            PageKey = RandomNumberGenerator.GetHexString(32, lowercase: true);
            Card = terms.Card is { } card ? new CardCharge(card.AutoClearing, card.RecurringStart) { MaskedPan = card.Saved is { } saved ? CardCharge.Mask(saved.Card.Number) : null } : null;
            Record(now, "created by init");
        }

        public long Id { get; }

        public string MerchantId { get; }

        public PaymentTerms Terms { get; }

        public DateTimeOffset CreatedAt { get; }

        /// <summary>The unguessable key in the hosted page's address: the buyer's browser carries no signature.</summary>
        public string PageKey { get; }

        /// <summary>Wrong codes the buyer may still enter.</summary>
        public int AttemptsLeft(SandboxRules rules) => rules.MaxApprovalAttempts - WrongAttempts;

        public SandboxPaymentStatus Status { get; private set; } = SandboxPaymentStatus.New;

        public string? Phone { get; private set; }

        public DateTimeOffset? PaidAt { get; private set; }

        public int? FailureCode { get; private set; }

        public string? FailureDescription { get; private set; }

        /// <summary>The buyer's part is over: paid (or held), failed, expired, or already revoked.</summary>
        public bool IsFinished => Status is SandboxPaymentStatus.Success or SandboxPaymentStatus.Failed or SandboxPaymentStatus.Incomplete
            or SandboxPaymentStatus.Authorized or SandboxPaymentStatus.Revoked;

        /// <summary>The buyer paid: debited, or held by a two-step card payment.</summary>
        public bool IsPaid => Status is SandboxPaymentStatus.Success or SandboxPaymentStatus.Authorized;

        private string? Code { get; set; }

        private DateTimeOffset CodeSentAt { get; set; }

        private int WrongAttempts { get; set; }

        private int CodesSent { get; set; }

        /// <summary>Charges a test phone: at once, or by sending a code. Returns true when an SMS code was sent.</summary>
        public bool Pay(TestPhone phone, SandboxRules rules, DateTimeOffset now)
        {
            ExpireIfDue(now);
            RequireStatus(SandboxPaymentStatus.New, "pay");
            Phone = phone.Phone;
            switch (phone.Behavior)
            {
                case TestPhoneBehavior.ChargesAtOnce:
                    Succeed(now, "charged at once");
                    return false;
                case TestPhoneBehavior.Declines:
                    Fail(now, SandboxErrorCodes.Declined, "the operator declined the charge: insufficient balance");
                    throw new GatewayError(SandboxErrorCodes.Declined, "The operator declined the charge: insufficient balance on the subscriber's account.");
                default:
                    Status = SandboxPaymentStatus.Pending;
                    SendCode(phone.FirstCode, rules, now);
                    return true;
            }
        }

        public void Approve(string code, SandboxRules rules, DateTimeOffset now)
        {
            ExpireIfDue(now);
            RequireStatus(SandboxPaymentStatus.Pending, "approve");
            if (now - CodeSentAt > rules.CodeLifetime)
            {
                throw new GatewayError(SandboxErrorCodes.CodeExpired, "The approval code has expired; ask for a new one with resend_code.");
            }

            if (!string.Equals(code, Code, StringComparison.Ordinal))
            {
                throw WrongCode("approval code", rules, now);
            }

            Succeed(now, "approved with the SMS code");
        }

        public void ResendCode(SandboxRules rules, DateTimeOffset now)
        {
            ExpireIfDue(now);
            RequireStatus(SandboxPaymentStatus.Pending, "resend_code");
            if (CodesSent > rules.MaxResends)
            {
                throw new GatewayError(SandboxErrorCodes.ResendLimit, $"No more codes can be sent for this payment (at most {rules.MaxResends} new codes).");
            }

            TimeSpan wait = rules.ResendInterval - (now - CodeSentAt);
            if (wait > TimeSpan.Zero)
            {
                throw new GatewayError(SandboxErrorCodes.ResendTooSoon, $"A code was sent moments ago; try again in {Math.Ceiling(wait.TotalSeconds).ToString(CultureInfo.InvariantCulture)} seconds.");
            }

            SendCode(null, rules, now);
        }

        /// <summary>The merchant's Check URL refused the payment (or did not answer): it fails, nothing is charged.</summary>
        public void RefuseByMerchant(string reason, DateTimeOffset now)
        {
            RequireStatus(SandboxPaymentStatus.New, "pay");
            Fail(now, SandboxErrorCodes.RefusedByMerchant, "the merchant refused the payment: " + reason);
        }

        public SandboxPayment Snapshot() => new SandboxPayment(Id, MerchantId, Status, Terms.Amount, Terms.Currency, Terms.OrderId, Phone, WrongAttempts, CodesSent, _history.ToArray(), Terms.Description, HostedPagePath)
        {
            Cleared = Card?.Cleared ?? 0m,
            Refunded = Card?.Refunded ?? 0m,
            RecurringProfile = Card?.RecurringProfile,
        };

        /// <summary>The hosted page's path: the phone page, or the card page of a card payment.</summary>
        public string HostedPagePath => (Card is null ? "pay/" : "pay/card/") + PageKey;

        public void ExpireIfDue(DateTimeOffset now)
        {
            if (!IsFinished && Terms.Lifetime is { } lifetime && now - CreatedAt > lifetime)
            {
                Status = SandboxPaymentStatus.Incomplete;
                FailureCode = SandboxErrorCodes.PaymentExpired;
                FailureDescription = "the payment's lifetime ran out";
                Record(now, FailureDescription);
            }
        }

        private void SendCode(string? code, SandboxRules rules, DateTimeOffset now)
        {
            Code = code ?? RandomNumberGenerator.GetInt32(0, 1_000_000).ToString("D6", CultureInfo.InvariantCulture);
            CodeSentAt = now;
            CodesSent++;
            rules.Sms.Add(new SentSms(Phone!, Code, Id, now));
            Record(now, CodesSent == 1 ? "SMS code sent" : "new SMS code sent (the previous one no longer works)");
        }

        /// <summary>A wrong SMS or 3-D Secure code: one attempt fewer, and the payment fails when none are left.</summary>
        private GatewayError WrongCode(string what, SandboxRules rules, DateTimeOffset now)
        {
            WrongAttempts++;
            int left = rules.MaxApprovalAttempts - WrongAttempts;
            if (left <= 0)
            {
                Fail(now, SandboxErrorCodes.TooManyAttempts, $"too many wrong {what}s");
                return new GatewayError(SandboxErrorCodes.TooManyAttempts, $"Wrong {what}, and no attempts are left: the payment has failed.");
            }

            Record(now, $"wrong {what} ({left} attempts left)");
            return new GatewayError(SandboxErrorCodes.WrongCode, $"Wrong {what}; {left} attempt{(left == 1 ? string.Empty : "s")} left.");
        }

        private void RequireStatus(SandboxPaymentStatus expected, string operation)
        {
            if (Status == expected)
            {
                return;
            }

            string why = Status switch
            {
                SandboxPaymentStatus.Success when Card is not null && expected == SandboxPaymentStatus.Authorized => "it is already debited (a one-step payment, or cleared)",
                SandboxPaymentStatus.Success => "it is already paid",
                SandboxPaymentStatus.Authorized when expected == SandboxPaymentStatus.Success => "it is only held: clear it first (do_capture.php), or cancel it",
                SandboxPaymentStatus.Authorized => "it is already paid and held for clearing",
                SandboxPaymentStatus.Revoked => "it was cancelled or refunded in full",
                SandboxPaymentStatus.Pending when Card is not null => "it is waiting for the 3-D Secure code",
                SandboxPaymentStatus.Failed => "it has failed",
                SandboxPaymentStatus.Incomplete => "its lifetime ran out",
                SandboxPaymentStatus.Pending => "it is waiting for the SMS code (use approve or resend_code)",
                _ => "it has not been charged yet (use pay first)",
            };
            throw new GatewayError(Status == SandboxPaymentStatus.Incomplete ? SandboxErrorCodes.PaymentExpired : SandboxErrorCodes.WrongState, $"Payment {Id} cannot take {operation}: {why}. Nothing was changed.");
        }

        private void Succeed(DateTimeOffset now, string what)
        {
            Status = SandboxPaymentStatus.Success;
            PaidAt = now;
            Code = null;
            Record(now, what);
        }

        private void Fail(DateTimeOffset now, int code, string description)
        {
            Status = SandboxPaymentStatus.Failed;
            FailureCode = code;
            FailureDescription = description;
            Code = null;
            Record(now, description);
        }

        private void Record(DateTimeOffset now, string what) => _history.Add(new SandboxEvent(now, Status, what));
    }

    /// <summary>What init fixed about a payment.</summary>
    internal sealed record PaymentTerms(
        decimal Amount,
        string Currency,
        string Description,
        string? OrderId,
        bool TestingMode,
        TimeSpan? Lifetime,
        string? ResultUrl,
        string ResultMethod,
        string? CheckUrl,
        string? UserPhone,
        string? IdempotencyKey,
        BuyerReturn Return,
        string Language,
        IReadOnlyList<KeyValuePair<string, string>>? Extra = null,
        CardTerms? Card = null);

    /// <summary>
    /// What init fixed about a card payment: one step or two, whether it starts a recurring profile, and the saved
    /// card it charges (card/init), if any.
    /// </summary>
    internal sealed record CardTerms(bool AutoClearing, bool RecurringStart, SavedCard? Saved = null);

    /// <summary>Where the hosted page sends the buyer when the payment finishes, and how (GET or POST).</summary>
    internal sealed record BuyerReturn(string? SuccessUrl, string SuccessMethod, string? FailureUrl, string FailureMethod)
    {
        public (string? Url, string Method) For(bool paid) => paid ? (SuccessUrl, SuccessMethod) : (FailureUrl, FailureMethod);
    }

    /// <summary>The sandbox settings payments follow, and where codes go.</summary>
    internal sealed record SandboxRules(int MaxApprovalAttempts, TimeSpan CodeLifetime, TimeSpan ResendInterval, int MaxResends, SmsInbox Sms);
}
