using System;
using System.Collections.Generic;
using FreedomPay.Runtime;

namespace FreedomPay.AspNetCore
{
    /// <summary>Settings of the callback endpoints.</summary>
    public sealed class FreedomPayCallbackOptions
    {
        /// <summary>The merchant's secret key: callbacks are verified with it and replies signed with it.</summary>
        public string SecretKey { get; set; } = string.Empty;

        /// <summary>
        /// Further secret keys by name, for callbacks whose area names a key of its own (<c>secret: payout</c>): the
        /// Payout notify is verified with <c>SecretKeys["payout"]</c>. The same names as
        /// <c>FreedomPayClientOptions.SecretKeys</c>; never logged.
        /// </summary>
        public IDictionary<string, string> SecretKeys { get; } = new Dictionary<string, string>(StringComparer.Ordinal);

        /// <summary>
        /// Answer an exact repeat of a callback (same fields and values; the salt and signature may differ) with the
        /// reply given the first time, without calling the handler again (default true). A callback for the same
        /// payment that says something else (e.g. <c>pg_result</c> 0, then 1) reaches the handler. Replies are kept in
        /// the application's <c>IDistributedCache</c> when one is registered (so that every instance answers a repeat
        /// alike), in this process's memory otherwise.
        /// </summary>
        public bool RememberReplies { get; set; } = true;

        /// <summary>
        /// How long a reply is remembered (default 3 hours): FreedomPay repeats a Result notify every 30 minutes for
        /// 2 hours until it gets HTTP 200.
        /// </summary>
        public TimeSpan RememberFor { get; set; } = TimeSpan.FromHours(3);

        /// <summary>
        /// How many replies the in-memory store keeps at most (default 100,000); when full, new replies are not
        /// remembered until old ones expire. Not used with an <c>IDistributedCache</c>, whose own limits apply.
        /// </summary>
        public int MaxRememberedReplies { get; set; } = 100_000;

        /// <summary>
        /// The largest callback body read, in bytes (default 64 KiB; real callbacks are under 2 KiB). A larger one is
        /// answered with a signed <c>error</c> before it is parsed.
        /// </summary>
        public int MaxBodyBytes { get; set; } = CallbackMessage.DefaultMaxBytes;

        /// <summary>The most fields (or XML elements) read from a callback (default 256; real ones have a few dozen).</summary>
        public int MaxFields { get; set; } = CallbackMessage.DefaultMaxFields;

        /// <summary>The clock of the in-memory reply store (tests move it; the system clock otherwise).</summary>
        public TimeProvider TimeProvider { get; set; } = TimeProvider.System;

        /// <summary>The key that verifies a callback: the one its area names (<paramref name="secretName"/>), or the main one.</summary>
        /// <exception cref="ArgumentException">The area names a key these options do not hold.</exception>
        internal string SecretFor(string? secretName, string callback)
        {
            if (secretName is null)
            {
                return SecretKey;
            }

            return SecretKeys.TryGetValue(secretName, out string? key) && !string.IsNullOrEmpty(key)
                ? key
                : throw new ArgumentException($"{callback} is signed with the '{secretName}' secret key: add FreedomPayCallbackOptions.SecretKeys[\"{secretName}\"] (the key FreedomPay issued for it).");
        }

        /// <summary>Checks the settings; the exception names the first one that is wrong.</summary>
        internal void Validate()
        {
            if (string.IsNullOrEmpty(SecretKey))
            {
                throw new ArgumentException("FreedomPayCallbackOptions.SecretKey is required: callbacks are verified with the merchant's secret key.");
            }

            if (MaxBodyBytes < 1024)
            {
                throw new ArgumentException("FreedomPayCallbackOptions.MaxBodyBytes must be at least 1024.");
            }

            if (MaxFields < 16)
            {
                throw new ArgumentException("FreedomPayCallbackOptions.MaxFields must be at least 16.");
            }

            if (RememberReplies && (RememberFor <= TimeSpan.Zero || MaxRememberedReplies < 1))
            {
                throw new ArgumentException("FreedomPayCallbackOptions.RememberFor must be positive and MaxRememberedReplies at least 1 when RememberReplies is on.");
            }

            if (TimeProvider is null)
            {
                throw new ArgumentException("FreedomPayCallbackOptions.TimeProvider is required.");
            }
        }
    }
}
