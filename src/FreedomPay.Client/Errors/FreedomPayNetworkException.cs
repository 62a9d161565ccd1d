using System;

namespace FreedomPay
{
    /// <summary>
    /// The call did not complete: the connection failed or the reply did not come in time. For an operation that
    /// moves money the request may still have reached the gateway (<see cref="OutcomeUnknown"/>); check the
    /// payment's status before sending it again.
    /// </summary>
    public sealed class FreedomPayNetworkException : FreedomPayException
    {
        /// <summary>Creates the exception.</summary>
        public FreedomPayNetworkException(string operation, string message, bool outcomeUnknown, Exception? innerException)
            : base(message, innerException)
        {
            Operation = operation;
            OutcomeUnknown = outcomeUnknown;
        }

        /// <summary>
        /// True when the operation is not safe to repeat and the gateway may have acted on it: ask for the status
        /// instead of sending it again.
        /// </summary>
        public bool OutcomeUnknown { get; }
    }
}
