using System;

namespace FreedomPay
{
    /// <summary>
    /// The reply is not what the protocol promises: not XML, an HTTP error status, a missing or malformed element.
    /// </summary>
    public sealed class FreedomPayProtocolException : FreedomPayException
    {
        /// <summary>Creates the exception.</summary>
        public FreedomPayProtocolException(string message, Exception? innerException = null)
            : base(message, innerException)
        {
        }

        /// <summary>The HTTP status code of the reply, when the problem is the status.</summary>
        public int? HttpStatusCode { get; internal set; }
    }
}
