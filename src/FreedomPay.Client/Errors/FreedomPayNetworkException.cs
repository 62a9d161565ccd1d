using System;

namespace FreedomPay
{
    /// <summary>
    /// The call did not complete and nothing suggests the gateway acted on it: the request could not be sent
    /// (connection refused, unknown host), or an operation that is safe to repeat (status) got no reply.
    /// Calling again is safe.
    /// </summary>
    public sealed class FreedomPayNetworkException : FreedomPayException
    {
        /// <summary>Creates the exception.</summary>
        public FreedomPayNetworkException(string operation, string message, Exception? innerException)
            : base(message, innerException)
        {
            Operation = operation;
        }
    }
}
