namespace FreedomPay
{
    /// <summary>
    /// The gateway answered that the operation failed (<c>pg_status=error</c>), or could not identify the merchant
    /// (an unsigned reply with code 101).
    /// </summary>
    public sealed class FreedomPayGatewayException : FreedomPayException
    {
        /// <summary>Creates the exception from the reply's error elements.</summary>
        public FreedomPayGatewayException(string operation, string? errorCode, string? errorDescription, string rawXml, bool signed)
            : base(BuildMessage(operation, errorCode, errorDescription, signed))
        {
            Operation = operation;
            ErrorCode = errorCode;
            ErrorDescription = errorDescription;
            RawXml = rawXml;
            IsSigned = signed;
        }

        /// <summary>The gateway's <c>pg_error_code</c>, when it gave one.</summary>
        public string? ErrorCode { get; }

        /// <summary>The gateway's <c>pg_error_description</c>, when it gave one.</summary>
        public string? ErrorDescription { get; }

        /// <summary>The reply exactly as received.</summary>
        public string RawXml { get; }

        /// <summary>
        /// False when the reply carried no signature: the gateway did not recognise the merchant id (code 101), so
        /// it could not sign. Check <see cref="FreedomPayClientOptions.MerchantId"/>. Always true for the areas signed
        /// in a header (JSON), whose replies carry no signature by design.
        /// </summary>
        public bool IsSigned { get; }

        private static string BuildMessage(string operation, string? code, string? description, bool signed)
        {
            string what = $"FreedomPay refused {operation}: error {code ?? "(no code)"}, \"{description ?? "no description"}\".";
            return signed
                ? what
                : what + " The reply was not signed, which the gateway does when it cannot identify the merchant: check the merchant id and the base address.";
        }
    }
}
