using System;
using System.Collections.Generic;
using System.Linq;
using FreedomPay.Runtime;
using Microsoft.Extensions.Logging;

namespace FreedomPay
{
    /// <summary>Credentials and settings of a <see cref="FreedomPayClient"/>. The client copies them when it is created.</summary>
    public sealed class FreedomPayClientOptions
    {
        /// <summary>The default of <see cref="MaxReplyBytes"/>: 4 MiB.</summary>
        public const int DefaultMaxReplyBytes = 4 * 1024 * 1024;

        private const int SmallestMaxReplyBytes = 1024;
        private const int LargestMaxReplyBytes = 1024 * 1024 * 1024;

        /// <summary>The merchant id FreedomPay issued (<c>pg_merchant_id</c>), digits only.</summary>
        public string MerchantId { get; set; } = string.Empty;

        /// <summary>The merchant's secret key, used to sign requests and verify replies. Never logged or printed.</summary>
        public string SecretKey { get; set; } = string.Empty;

        /// <summary>
        /// Further secret keys by name, for API areas whose spec names a key of their own (<c>secret: payout</c>):
        /// FreedomPay issues payouts a key apart from the payment key, so <c>SecretKeys["payout"]</c> signs the
        /// Payouts area and verifies its replies and Payout notify. Never logged or printed.
        /// </summary>
        public IDictionary<string, string> SecretKeys { get; } = new Dictionary<string, string>(StringComparer.Ordinal);

        /// <summary>The gateway's base address; when null, each API area uses its spec's default server (KZ).</summary>
        public Uri? BaseAddress { get; set; }

        /// <summary>
        /// How long one attempt of any operation waits for its reply. Null (the default) uses each operation's
        /// timeout from the spec (60 seconds where the spec gives none).
        /// </summary>
        public TimeSpan? Timeout { get; set; }

        /// <summary>Retries of operations that are safe to repeat (status). Money-moving operations are never retried.</summary>
        public FreedomPayRetryOptions Retry { get; set; } = new FreedomPayRetryOptions();

        /// <summary>Where the client logs (operation, payment id, status, error code; never secrets). None by default.</summary>
        public ILoggerFactory? LoggerFactory { get; set; }

        /// <summary>
        /// The largest reply read, in bytes (default 4 MiB; gateway replies are a few kilobytes). A longer reply is
        /// refused with a <see cref="FreedomPayProtocolException"/> before it is read whole, so that a broken or
        /// hostile server cannot exhaust the application's memory.
        /// </summary>
        public int MaxReplyBytes { get; set; } = DefaultMaxReplyBytes;

        /// <summary>Verify the <c>pg_sig</c> of signed replies (default true). Turn off only to diagnose.</summary>
        public bool VerifyResponseSignatures { get; set; } = true;

        /// <summary>Shows the settings with the secret key redacted.</summary>
        public override string ToString() =>
            $"MerchantId={MerchantId}, SecretKey={(SecretKey.Length == 0 ? "(empty)" : "***")}{string.Concat(SecretKeys.Keys.OrderBy(k => k, StringComparer.Ordinal).Select(k => ", SecretKeys[" + k + "]=***"))}, BaseAddress={BaseAddress?.ToString() ?? "(spec default)"}, Timeout={Timeout?.ToString() ?? "(spec default)"}";

        /// <summary>Checks the settings; the exception names the first one that is wrong (never its value).</summary>
        /// <exception cref="ArgumentException">A setting is missing or malformed.</exception>
        public void Validate() => Validated();

        internal FreedomPayClientOptions Validated()
        {
            string? merchantId = MerchantId?.Trim();
            if (string.IsNullOrEmpty(merchantId) || !merchantId!.All(c => c >= '0' && c <= '9'))
            {
                throw new ArgumentException(
                    "FreedomPayClientOptions.MerchantId must be the merchant id FreedomPay issued (digits only).");
            }

            if (string.IsNullOrEmpty(SecretKey))
            {
                throw new ArgumentException("FreedomPayClientOptions.SecretKey is required: the merchant's secret key from the FreedomPay dashboard.");
            }

            foreach (KeyValuePair<string, string> key in SecretKeys)
            {
                if (!IsSecretName(key.Key) || string.IsNullOrEmpty(key.Value))
                {
                    throw new ArgumentException($"FreedomPayClientOptions.SecretKeys needs names of lowercase letters, digits and '-' (as the spec's 'secret:' writes them, e.g. \"payout\") and non-empty keys; the entry '{(IsSecretName(key.Key) ? key.Key : "(invalid name)")}' is not.");
                }
            }

            Uri? baseAddress = BaseAddress;
            if (baseAddress is not null)
            {
                if (!baseAddress.IsAbsoluteUri || (baseAddress.Scheme != Uri.UriSchemeHttps && baseAddress.Scheme != Uri.UriSchemeHttp))
                {
                    throw new ArgumentException($"FreedomPayClientOptions.BaseAddress must be an absolute http(s) URL, such as https://api.freedompay.kz/, not '{baseAddress}'.");
                }

                // Without the trailing slash, new Uri(base, "mfs/pay") would drop the base's last segment.
                if (!baseAddress.AbsolutePath.EndsWith("/", StringComparison.Ordinal))
                {
                    baseAddress = new Uri(baseAddress.AbsoluteUri + "/");
                }
            }

            if (Timeout is { } timeout && timeout <= TimeSpan.Zero && timeout != System.Threading.Timeout.InfiniteTimeSpan)
            {
                throw new ArgumentException("FreedomPayClientOptions.Timeout must be positive.");
            }

            if (MaxReplyBytes < SmallestMaxReplyBytes || MaxReplyBytes > LargestMaxReplyBytes)
            {
                throw new ArgumentException($"FreedomPayClientOptions.MaxReplyBytes must be between {SmallestMaxReplyBytes} and {LargestMaxReplyBytes}, not {MaxReplyBytes}.");
            }

            FreedomPayRetryOptions retry = Retry ?? new FreedomPayRetryOptions();
            if (retry.MaxAttempts < 1 || retry.BaseDelay < TimeSpan.Zero || retry.MaxDelay < retry.BaseDelay)
            {
                throw new ArgumentException("FreedomPayClientOptions.Retry needs MaxAttempts of 1 or more and 0 <= BaseDelay <= MaxDelay.");
            }

            var copy = new FreedomPayClientOptions
            {
                MerchantId = merchantId!,
                SecretKey = SecretKey,
                BaseAddress = baseAddress,
                Timeout = Timeout,
                VerifyResponseSignatures = VerifyResponseSignatures,
                MaxReplyBytes = MaxReplyBytes,
                Retry = retry.Copy(),
                LoggerFactory = LoggerFactory,
            };
            foreach (KeyValuePair<string, string> key in SecretKeys)
            {
                copy.SecretKeys.Add(key.Key, key.Value);
            }

            return copy;
        }

        /// <summary>The key that signs an operation: its area's named key (<c>secret:</c> in the spec), or the main one.</summary>
        /// <exception cref="InvalidOperationException">The area names a key these options do not hold.</exception>
        internal string SecretFor(OperationDescriptor operation)
        {
            if (operation.SecretName is not { } name)
            {
                return SecretKey;
            }

            return SecretKeys.TryGetValue(name, out string? key)
                ? key
                : throw new InvalidOperationException($"{operation.DisplayName} is signed with the '{name}' secret key, which FreedomPayClientOptions.SecretKeys does not hold: add SecretKeys[\"{name}\"] (the key FreedomPay issued for it). Nothing was sent.");
        }

        /// <summary>Lowercase letters, digits and '-', starting with a letter: the names the spec's <c>secret:</c> allows.</summary>
        internal static bool IsSecretName(string? name) =>
            !string.IsNullOrEmpty(name) && name![0] >= 'a' && name[0] <= 'z' && name.All(c => (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-');
    }
}
