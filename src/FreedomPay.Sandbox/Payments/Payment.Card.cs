using System;
using System.Globalization;
using FreedomPay.Sandbox.Gateway;

namespace FreedomPay.Sandbox.Payments
{
    /// <summary>
    /// The card lifecycle: new -> (card page) -> authorized (two-step, held) or success (one-step, debited), or a
    /// 3-D Secure step first; authorized -> clearing (whole or part, once) -> success, or cancel -> revoked;
    /// success -> refunds (whole or part, never above what was debited) -> revoked once refunded in full. Every
    /// refused transition throws the documented error and changes nothing.
    /// </summary>
    internal sealed partial class Payment
    {
        /// <summary>The card part of a card payment; null for mobile commerce.</summary>
        public CardCharge? Card { get; }

        /// <summary>The buyer's card on the page. True when a 3-D Secure code is asked for first.</summary>
        public bool PayByCard(TestCard card, DateTimeOffset now, Func<long> newProfile)
        {
            CardCharge charge = RequireCard("pay by card");
            ExpireIfDue(now);
            RequireStatus(SandboxPaymentStatus.New, "a card");
            charge.MaskedPan = CardCharge.Mask(card.Number);
            switch (card.Behavior)
            {
                case TestCardBehavior.Declines:
                    Fail(now, SandboxErrorCodes.Declined, "the issuer declined the card: insufficient funds");
                    throw new GatewayError(SandboxErrorCodes.Declined, "The issuer declined the card: insufficient funds.");
                case TestCardBehavior.Challenges:
                    Status = SandboxPaymentStatus.Pending;
                    Code = TestCard.ChallengeCode;
                    CodeSentAt = now;
                    Record(now, "3-D Secure code asked for");
                    return true;
                default:
                    Authorize(charge, now, newProfile);
                    return false;
            }
        }

        /// <summary>
        /// A payment card/init made with a saved card, debited by card/direct (no buyer) or by the CVC page. The card
        /// passed 3-D Secure when it was saved, so no code is asked for; a declining test card declines.
        /// </summary>
        public void ChargeSavedCard(DateTimeOffset now, Func<long> newProfile, string how)
        {
            CardCharge charge = RequireCard(how);
            ExpireIfDue(now);
            RequireStatus(SandboxPaymentStatus.New, how);
            if (Terms.Card?.Saved is not { } saved)
            {
                throw new GatewayError(SandboxErrorCodes.WrongState, $"Payment {Id} was not created with a saved card (card/init): {how} does not apply. Nothing was changed.");
            }

            if (saved.Card.Behavior == TestCardBehavior.Declines)
            {
                Fail(now, SandboxErrorCodes.Declined, "the issuer declined the saved card: insufficient funds");
                throw new GatewayError(SandboxErrorCodes.Declined, "The issuer declined the saved card: insufficient funds.");
            }

            Authorize(charge, now, newProfile);
        }

        /// <summary>The 3-D Secure code typed on the page.</summary>
        public void ConfirmChallenge(string code, SandboxRules rules, DateTimeOffset now, Func<long> newProfile)
        {
            CardCharge charge = RequireCard("3-D Secure");
            ExpireIfDue(now);
            RequireStatus(SandboxPaymentStatus.Pending, "a 3-D Secure code");
            if (!string.Equals(code, Code, StringComparison.Ordinal))
            {
                throw WrongCode("3-D Secure code", rules, now);
            }

            Code = null;
            Authorize(charge, now, newProfile);
        }

        /// <summary>
        /// The key of a Gateway payment's 3-D Secure session (the MD the issuer's page and the completion carry);
        /// null when none is open. Unguessable: whoever holds it may complete the challenge.
        /// </summary>
        public string? IssuerKey { get; private set; }

        /// <summary>Opens the issuer's 3-D Secure session of a payment waiting for its code (g2g/payment).</summary>
        public string OpenIssuerSession()
        {
            RequireStatus(SandboxPaymentStatus.Pending, "a 3-D Secure page");
            IssuerKey = System.Security.Cryptography.RandomNumberGenerator.GetHexString(24, lowercase: true);
            return IssuerKey;
        }

        /// <summary>
        /// g2g/paymentAcs: what the issuer's page said about the code. Passed: authorized or debited as the payment
        /// asked; failed: the payment fails (a wrong code on the issuer's page is final, as with a real issuer).
        /// </summary>
        public void CompleteIssuerSession(string key, bool passed, DateTimeOffset now, Func<long> newProfile)
        {
            CardCharge charge = RequireCard("3-D Secure");
            ExpireIfDue(now);
            RequireStatus(SandboxPaymentStatus.Pending, "the 3-D Secure result");
            if (IssuerKey is null || !string.Equals(key, IssuerKey, StringComparison.Ordinal))
            {
                throw new GatewayError(SandboxErrorCodes.InvalidField, $"Field pg_md is not the MD of payment {Id}'s 3-D Secure session. Nothing was changed.");
            }

            IssuerKey = null;
            if (!passed)
            {
                Fail(now, SandboxErrorCodes.ThreeDsFailed, "the 3-D Secure code was wrong on the issuer's page");
                throw new GatewayError(SandboxErrorCodes.ThreeDsFailed, "3-D Secure failed: the code on the issuer's page was wrong. The payment has failed.");
            }

            Code = null;
            Authorize(charge, now, newProfile);
        }

        /// <summary>do_capture.php: debits what is held, or part of it (the rest is released). Once.</summary>
        public decimal Clear(decimal? amount, DateTimeOffset now)
        {
            CardCharge charge = RequireCard("clearing");
            RequireStatus(SandboxPaymentStatus.Authorized, "clearing");
            decimal cleared = amount ?? Terms.Amount;
            if (cleared <= 0m || cleared > Terms.Amount)
            {
                throw new GatewayError(SandboxErrorCodes.InvalidField, $"Field pg_clearing_amount must be more than 0 and at most the held amount {Money(Terms.Amount)}.");
            }

            charge.Cleared = cleared;
            Status = SandboxPaymentStatus.Success;
            Record(now, cleared == Terms.Amount ? "cleared in full" : $"cleared {Money(cleared)} of {Money(Terms.Amount)}; the rest released");
            return cleared;
        }

        /// <summary>cancel.php: releases a held payment.</summary>
        public void Cancel(DateTimeOffset now)
        {
            RequireCard("cancel");
            RequireStatus(SandboxPaymentStatus.Authorized, "cancel");
            Status = SandboxPaymentStatus.Revoked;
            Record(now, "cancelled before clearing; the held amount released");
        }

        /// <summary>revoke.php: refunds what was debited, or part of it (the rest when no amount is given).</summary>
        public CardRefund Refund(decimal? amount, long refundId, DateTimeOffset now)
        {
            CardCharge charge = RequireCard("refund");
            RequireStatus(SandboxPaymentStatus.Success, "a refund");
            decimal refund = amount is null or 0m ? charge.Refundable : amount.Value;
            if (refund <= 0m || refund > charge.Refundable)
            {
                throw new GatewayError(SandboxErrorCodes.InvalidField, $"Field pg_refund_amount must be more than 0 and at most what is left to refund, {Money(charge.Refundable)}.");
            }

            var record = new CardRefund(refundId, refund, now);
            charge.AddRefund(record);
            if (charge.Refundable == 0m)
            {
                Status = SandboxPaymentStatus.Revoked;
            }

            Record(now, charge.Refundable == 0m ? $"refunded {Money(refund)}: refunded in full" : $"refunded {Money(refund)}; {Money(charge.Refundable)} left");
            return record;
        }

        /// <summary>A payment make_recurring_payment.php made: debited at once from the profile's card.</summary>
        public void ChargeRecurring(string maskedPan, long profile, DateTimeOffset now)
        {
            CardCharge charge = RequireCard("a recurring charge");
            charge.MaskedPan = maskedPan;
            charge.RecurringProfile = profile; // the profile it was charged from (as status replies name it)
            charge.Cleared = Terms.Amount;
            Succeed(now, $"charged from recurring profile {profile.ToString(CultureInfo.InvariantCulture)}");
        }

        private void Authorize(CardCharge charge, DateTimeOffset now, Func<long> newProfile)
        {
            if (charge.RecurringStart)
            {
                charge.RecurringProfile = newProfile();
            }

            if (charge.AutoClearing)
            {
                charge.Cleared = Terms.Amount;
                Succeed(now, "card charged (one step)");
            }
            else
            {
                Status = SandboxPaymentStatus.Authorized;
                PaidAt = now;
                Record(now, "card authorized: the amount is held until clearing or cancel");
            }
        }

        private CardCharge RequireCard(string what) => Card ?? throw new GatewayError(
            SandboxErrorCodes.WrongState, $"Payment {Id} is a mobile-commerce payment: {what} applies to card payments only. Nothing was changed.");

        private static string Money(decimal amount) => amount.ToString("0.00", CultureInfo.InvariantCulture);
    }
}
