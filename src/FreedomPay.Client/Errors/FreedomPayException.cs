using System;

namespace FreedomPay
{
    /// <summary>
    /// Base of every error the client raises. Messages say what happened and what to do next; they never contain
    /// the secret key.
    /// </summary>
    public abstract class FreedomPayException : Exception
    {
        /// <summary>Creates the exception.</summary>
        protected FreedomPayException(string message, Exception? innerException = null)
            : base(message, innerException)
        {
        }

        /// <summary>The operation that failed, e.g. <c>MobileBalance.Pay</c>, when known.</summary>
        public string? Operation { get; internal set; }
    }
}
