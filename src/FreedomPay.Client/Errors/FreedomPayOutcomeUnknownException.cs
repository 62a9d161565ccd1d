using System;

namespace FreedomPay
{
    /// <summary>
    /// An operation that moves money (init, pay, approve, ...) was sent, but no trustworthy reply came back: a
    /// timeout, a connection cut after sending, or an HTTP 5xx. The gateway may or may not have acted on it. The
    /// client never repeats such a call; ask for the payment's status before deciding to send it again.
    /// </summary>
    public sealed class FreedomPayOutcomeUnknownException : FreedomPayException
    {
        /// <summary>Creates the exception.</summary>
        public FreedomPayOutcomeUnknownException(string operation, string message, Exception? innerException)
            : base(message, innerException)
        {
            Operation = operation;
        }

        /// <summary>The HTTP status code, when the gateway answered with a server error.</summary>
        public int? HttpStatusCode { get; internal set; }

        /// <summary>
        /// The request id the call was sent with (null when the operation sends none). For a call the gateway
        /// deduplicates by it, send the same request again with this <c>RequestId</c> to get the gateway's first reply
        /// (the outcome) instead of a second effect; for others, read the request's status by it where the API has
        /// such a read (the Card API's <c>RequestStatus</c>).
        /// </summary>
        public string? RequestId { get; internal set; }
    }
}
