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
        /// Run the handler once per distinct callback (default true): an exact repeat (same fields and values; the salt
        /// and signature may differ) gets the reply given the first time without calling the handler again, and copies
        /// that arrive while the first is handled wait for its reply. A callback for the same payment that says
        /// something else (e.g. <c>pg_result</c> 0, then 1) reaches the handler. Across instances this holds with a
        /// registered <see cref="IFreedomPayCallbackStore"/> (the Redis one); an <c>IDistributedCache</c> shares replies
        /// but cannot claim atomically; with neither, replies are kept in this process's memory.
        /// </summary>
        public bool RememberReplies { get; set; } = true;

        /// <summary>
        /// How long a reply is remembered (default 3 hours): FreedomPay repeats a Result notify every 30 minutes for
        /// 2 hours until it gets HTTP 200.
        /// </summary>
        public TimeSpan RememberFor { get; set; } = TimeSpan.FromHours(3);

        /// <summary>
        /// How many claims and replies this process keeps at most (default 100,000; with a shared store too, as the
        /// copy that answers repeats while the store is down); when full, new ones are not kept until old ones expire.
        /// </summary>
        public int MaxRememberedReplies { get; set; } = 100_000;

        /// <summary>
        /// How long one instance's claim on a callback lasts (default 2 minutes): another instance that gets the same
        /// callback waits for its reply and takes the claim over only when it ran out (the instance died mid-way).
        /// Make it longer than the handler ever takes.
        /// </summary>
        public TimeSpan ClaimLease { get; set; } = TimeSpan.FromMinutes(2);

        /// <summary>
        /// How long a copy of a callback waits for the reply of the copy being handled (default 10 s) before it is
        /// answered HTTP 503 with <c>Retry-After</c>: FreedomPay repeats it, and the repeat gets the kept reply.
        /// </summary>
        public TimeSpan ClaimWait { get; set; } = TimeSpan.FromSeconds(10);

        /// <summary>
        /// The longest a call to the shared store may take (default 250 ms). A call that fails or takes longer is
        /// logged as a warning and counted (<c>freedompay.callback.store_failures</c> on the <c>FreedomPay.AspNetCore</c>
        /// meter), and the callback is answered without the store, deduplicated in this process.
        /// </summary>
        public TimeSpan StoreTimeout { get; set; } = TimeSpan.FromMilliseconds(250);

        /// <summary>
        /// After a store call failed, how long the store is not asked (default 5 s), so that a store that is down costs
        /// callbacks nothing; the first call after that finds out whether it is back.
        /// </summary>
        public TimeSpan StoreRetryAfter { get; set; } = TimeSpan.FromSeconds(5);

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

            if (RememberReplies && (ClaimLease <= TimeSpan.Zero || ClaimWait < TimeSpan.Zero || StoreTimeout <= TimeSpan.Zero || StoreRetryAfter < TimeSpan.Zero))
            {
                throw new ArgumentException("FreedomPayCallbackOptions.ClaimLease and StoreTimeout must be positive, ClaimWait and StoreRetryAfter not negative, when RememberReplies is on.");
            }

            if (TimeProvider is null)
            {
                throw new ArgumentException("FreedomPayCallbackOptions.TimeProvider is required.");
            }
        }
    }
}
