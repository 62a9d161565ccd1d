using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using FreedomPay.Sandbox.Payments;

namespace FreedomPay.Sandbox.Notifications
{
    /// <summary>
    /// Asks the merchant's pg_check_url whether a payment may go on, before money moves: a signed POST; an answer
    /// other than a signed <c>ok</c> within <see cref="FreedomPaySandboxOptions.CheckTimeout"/> is a refusal, as
    /// the real gateway treats silence.
    /// </summary>
    internal sealed class CheckRequester : IDisposable
    {
        private readonly HttpClient _http = new HttpClient();
        private readonly FreedomPaySandboxOptions _options;

        public CheckRequester(FreedomPaySandboxOptions options) => _options = options;

        /// <summary>Null when the merchant agrees; otherwise why the payment is refused.</summary>
        public async Task<string?> AskAsync(Payment payment, SandboxMerchant merchant)
        {
            var url = new Uri(payment.Terms.CheckUrl!);
            string script = PgSignature.ScriptNameOf(url);
            string amount = payment.Terms.Amount.ToString(CultureInfo.InvariantCulture);
            var fields = new List<KeyValuePair<string, string>>
            {
                new KeyValuePair<string, string>("pg_order_id", payment.Terms.OrderId ?? payment.Id.ToString(CultureInfo.InvariantCulture)),
                new KeyValuePair<string, string>("pg_payment_id", payment.Id.ToString(CultureInfo.InvariantCulture)),
                new KeyValuePair<string, string>("pg_amount", amount),
                new KeyValuePair<string, string>("pg_currency", payment.Terms.Currency),
                new KeyValuePair<string, string>("pg_ps_amount", amount),
                new KeyValuePair<string, string>("pg_ps_full_amount", amount),
                new KeyValuePair<string, string>("pg_ps_currency", payment.Terms.Currency),
            };
            fields.AddRange(payment.Terms.Extra ?? Array.Empty<KeyValuePair<string, string>>());
            fields.Add(new KeyValuePair<string, string>("pg_salt", System.Security.Cryptography.RandomNumberGenerator.GetHexString(16)));
            fields.Add(new KeyValuePair<string, string>("pg_sig", PgSignature.Compute(script, fields, merchant.SecretKey)));

            try
            {
                using var timeout = new CancellationTokenSource(_options.CheckTimeout);
                using HttpResponseMessage response = await _http.PostAsync(url, new FormUrlEncodedContent(fields), timeout.Token).ConfigureAwait(false);
                MerchantReply reply = await MerchantReply.ReadAsync(response, script, merchant.SecretKey, timeout.Token).ConfigureAwait(false);
                if (reply.SignatureValid != true)
                {
                    return reply.Status is null ? "no valid answer to the check request" : "its answer to the check request is not signed correctly";
                }

                return reply.Status == "ok" ? null : reply.Description ?? "(no description)";
            }
            catch (Exception ex) when (ex is HttpRequestException or OperationCanceledException or IOException)
            {
                return "no valid answer to the check request (" + ex.GetType().Name + ")";
            }
        }

        public void Dispose() => _http.Dispose();
    }
}
