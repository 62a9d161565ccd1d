using System;
using System.Linq;

namespace FreedomPay
{
    /// <summary>Credentials and settings of a <see cref="FreedomPayClient"/>. The client copies them when it is created.</summary>
    public sealed class FreedomPayClientOptions
    {
        /// <summary>The merchant id FreedomPay issued (<c>pg_merchant_id</c>), digits only.</summary>
        public string MerchantId { get; set; } = string.Empty;

        /// <summary>The merchant's secret key, used to sign requests and verify replies. Never logged or printed.</summary>
        public string SecretKey { get; set; } = string.Empty;

        /// <summary>The gateway's base address; when null, each API area uses its spec's default server (KZ).</summary>
        public Uri? BaseAddress { get; set; }

        /// <summary>How long to wait for a reply when the client creates its own HttpClient. Default 60 seconds.</summary>
        public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(60);

        /// <summary>Verify the <c>pg_sig</c> of signed replies (default true). Turn off only to diagnose.</summary>
        public bool VerifyResponseSignatures { get; set; } = true;

        /// <summary>Shows the settings with the secret key redacted.</summary>
        public override string ToString() =>
            $"MerchantId={MerchantId}, SecretKey={(SecretKey.Length == 0 ? "(empty)" : "***")}, BaseAddress={BaseAddress?.ToString() ?? "(spec default)"}, Timeout={Timeout}";

        internal FreedomPayClientOptions Validated()
        {
            string? merchantId = MerchantId?.Trim();
            if (string.IsNullOrEmpty(merchantId) || !merchantId!.All(c => c >= '0' && c <= '9'))
            {
                throw new ArgumentException(
                    "FreedomPayClientOptions.MerchantId must be the merchant id FreedomPay issued (digits only).", "options");
            }

            if (string.IsNullOrEmpty(SecretKey))
            {
                throw new ArgumentException("FreedomPayClientOptions.SecretKey is required: the merchant's secret key from the FreedomPay dashboard.", "options");
            }

            Uri? baseAddress = BaseAddress;
            if (baseAddress is not null)
            {
                if (!baseAddress.IsAbsoluteUri || (baseAddress.Scheme != Uri.UriSchemeHttps && baseAddress.Scheme != Uri.UriSchemeHttp))
                {
                    throw new ArgumentException($"FreedomPayClientOptions.BaseAddress must be an absolute http(s) URL, such as https://api.freedompay.kz/, not '{baseAddress}'.", "options");
                }

                // Without the trailing slash, new Uri(base, "mfs/pay") would drop the base's last segment.
                if (!baseAddress.AbsolutePath.EndsWith("/", StringComparison.Ordinal))
                {
                    baseAddress = new Uri(baseAddress.AbsoluteUri + "/");
                }
            }

            if (Timeout <= TimeSpan.Zero && Timeout != System.Threading.Timeout.InfiniteTimeSpan)
            {
                throw new ArgumentException("FreedomPayClientOptions.Timeout must be positive.", "options");
            }

            return new FreedomPayClientOptions
            {
                MerchantId = merchantId!,
                SecretKey = SecretKey,
                BaseAddress = baseAddress,
                Timeout = Timeout,
                VerifyResponseSignatures = VerifyResponseSignatures,
            };
        }
    }
}
