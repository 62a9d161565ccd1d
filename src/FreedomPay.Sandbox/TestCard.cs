namespace FreedomPay.Sandbox
{
    /// <summary>What a sandbox test card does when the buyer pays with it.</summary>
    public enum TestCardBehavior
    {
        /// <summary>Authorized at once.</summary>
        Approves,

        /// <summary>Declined by the issuer (insufficient funds).</summary>
        Declines,

        /// <summary>Asks for a 3-D Secure code on the page first (<see cref="TestCard.ChallengeCode"/>).</summary>
        Challenges,
    }

    /// <summary>A card number the sandbox accepts, and what it does. Any future expiry date and any three-digit CVC work.</summary>
    public sealed record TestCard(string Number, TestCardBehavior Behavior)
    {
        /// <summary>The 3-D Secure code of a challenging card.</summary>
        public const string ChallengeCode = "111111";

        /// <summary>
        /// The Apple Pay and Google Pay cryptogram the sandbox accepts (base64 of "sandbox-tavv"); any other fails to
        /// verify. The device card number must be a test card, which decides as for a card payment.
        /// </summary>
        public const string WalletCryptogram = "c2FuZGJveC10YXZ2";
    }
}
