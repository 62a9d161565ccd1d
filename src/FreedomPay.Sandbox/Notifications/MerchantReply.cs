using System;
using System.IO;
using System.Net.Http;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using FreedomPay.Runtime;

namespace FreedomPay.Sandbox.Notifications
{
    /// <summary>
    /// The merchant's XML answer to a Check request or a Result notify, read as the real gateway would have to: at most
    /// <see cref="MaxBytes"/>, with the client runtime's bounded reader (no recursion, element limits).
    /// </summary>
    /// <param name="Status">Its pg_status, or null when it is not a readable reply.</param>
    /// <param name="Description">Its pg_description, when it has one.</param>
    /// <param name="SignatureValid">Whether its pg_sig verifies; null when it is unsigned or unreadable.</param>
    internal sealed record MerchantReply(string? Status, string? Description, bool? SignatureValid)
    {
        /// <summary>Merchant answers are a few hundred bytes.</summary>
        public const int MaxBytes = 64 * 1024;

        private const int MaxElements = 256;

        private static readonly MerchantReply Unreadable = new MerchantReply(null, null, null);

        public static async Task<MerchantReply> ReadAsync(HttpResponseMessage response, string script, string secretKey, CancellationToken cancellationToken)
        {
            string? text = await ReadTextAsync(response.Content, cancellationToken).ConfigureAwait(false);
            if (text is null)
            {
                return Unreadable;
            }

            try
            {
                PgElement root = CallbackMessage.FromXml(script, text, MaxBytes, MaxElements).Root;
                bool? valid = root.Find(PgSignature.SignatureField) is null ? null : PgSignature.Verify(script, root, secretKey);
                return new MerchantReply(root.GetString("pg_status"), root.GetString("pg_description"), valid);
            }
            catch (FreedomPayProtocolException)
            {
                return Unreadable;
            }
        }

        /// <summary>The body as UTF-8 text, or null when it is longer than <see cref="MaxBytes"/> or not UTF-8.</summary>
        private static async Task<string?> ReadTextAsync(HttpContent content, CancellationToken cancellationToken)
        {
            using Stream stream = await content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
            if (await BoundedBody.ReadAsync(stream, content.Headers.ContentLength, MaxBytes, cancellationToken).ConfigureAwait(false) is not { } body)
            {
                return null;
            }

            try
            {
                return new UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true).GetString(body.Buffer, 0, body.Length);
            }
            catch (ArgumentException)
            {
                return null;
            }
        }
    }
}
