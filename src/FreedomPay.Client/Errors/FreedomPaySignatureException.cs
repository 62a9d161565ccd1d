namespace FreedomPay
{
    /// <summary>
    /// A reply's <c>pg_sig</c> is missing or does not match: the reply cannot be trusted. Usually the secret key
    /// in the options is not the one set for the merchant; otherwise something between you and the gateway
    /// changed the reply.
    /// </summary>
    public sealed class FreedomPaySignatureException : FreedomPayException
    {
        /// <summary>Creates the exception.</summary>
        public FreedomPaySignatureException(string operation, string message, string rawXml)
            : base(message)
        {
            Operation = operation;
            RawXml = rawXml;
        }

        /// <summary>The reply exactly as received.</summary>
        public string RawXml { get; }
    }
}
