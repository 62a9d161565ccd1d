using System;

namespace FreedomPay
{
    /// <summary>
    /// Retries of operations the spec marks safe to repeat (status): on network errors, timeouts and HTTP 5xx, with
    /// exponential backoff and jitter. Operations that move money are never retried, whatever these say.
    /// </summary>
    public sealed class FreedomPayRetryOptions
    {
        /// <summary>Attempts in all, including the first (1 turns retries off). Default 3.</summary>
        public int MaxAttempts { get; set; } = 3;

        /// <summary>The delay before the first retry; later ones double, with jitter. Default 200 ms.</summary>
        public TimeSpan BaseDelay { get; set; } = TimeSpan.FromMilliseconds(200);

        /// <summary>The longest delay between two attempts. Default 5 seconds.</summary>
        public TimeSpan MaxDelay { get; set; } = TimeSpan.FromSeconds(5);

        internal FreedomPayRetryOptions Copy() => new FreedomPayRetryOptions { MaxAttempts = MaxAttempts, BaseDelay = BaseDelay, MaxDelay = MaxDelay };
    }
}
