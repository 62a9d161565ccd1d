namespace FreedomPay.Sandbox
{
    /// <summary>
    /// The <c>pg_error_code</c> values the sandbox answers with. 101 is the documented "merchant not identified";
    /// FreedomPay's full error list is not public, so the others are the sandbox's own (1001-1099).
    /// </summary>
    public static class SandboxErrorCodes
    {
        /// <summary>The merchant id is missing or unknown; the reply is unsigned (documented behaviour).</summary>
        public const int UnknownMerchant = 101;

        /// <summary>A required field is missing or a value is malformed; the description names the field.</summary>
        public const int InvalidField = 1001;

        /// <summary>pg_sig is missing or does not match.</summary>
        public const int InvalidSignature = 1002;

        /// <summary>No payment with that id for this merchant.</summary>
        public const int PaymentNotFound = 1003;

        /// <summary>The payment is not in a state that allows the operation (e.g. already paid); nothing changed.</summary>
        public const int WrongState = 1004;

        /// <summary>The phone is not one of the sandbox's test phones.</summary>
        public const int NotATestPhone = 1005;

        /// <summary>The approval code is wrong; attempts are left.</summary>
        public const int WrongCode = 1006;

        /// <summary>The approval code expired; ask for a new one with resend_code.</summary>
        public const int CodeExpired = 1007;

        /// <summary>Too many wrong codes: the payment failed.</summary>
        public const int TooManyAttempts = 1008;

        /// <summary>A new code was asked for too soon after the last one.</summary>
        public const int ResendTooSoon = 1009;

        /// <summary>No more codes can be sent for this payment.</summary>
        public const int ResendLimit = 1010;

        /// <summary>The operator declined the charge (the test phone for declines).</summary>
        public const int Declined = 1011;

        /// <summary>The payment's lifetime (pg_lifetime) ran out.</summary>
        public const int PaymentExpired = 1012;

        /// <summary>A payment method the sandbox does not emulate (it does mobile_commerce and bank cards).</summary>
        public const int UnsupportedPaymentMethod = 1013;

        /// <summary>The merchant's Check URL refused the payment, or did not answer in time.</summary>
        public const int RefusedByMerchant = 1014;

        /// <summary>A card number that is not one of the sandbox's test cards.</summary>
        public const int NotATestCard = 1015;

        /// <summary>make_recurring_payment.php named a recurring profile the merchant does not have.</summary>
        public const int RecurringProfileNotFound = 1016;

        /// <summary>A card token the user does not have, or a card that was removed.</summary>
        public const int CardNotFound = 1017;

        /// <summary>The merchant's balance is smaller than the payout.</summary>
        public const int InsufficientBalance = 1018;

        /// <summary>Payouts are not enabled for the merchant: the sandbox merchant has no payout key.</summary>
        public const int PayoutsNotEnabled = 1019;

        /// <summary>
        /// The 3-D Secure code was wrong on the issuer's page (the Gateway API's 10004, "3DS code not entered or
        /// entered incorrectly", docs.freedompay.kz api-9885527): the payment has failed.
        /// </summary>
        public const int ThreeDsFailed = 10004;
    }
}
