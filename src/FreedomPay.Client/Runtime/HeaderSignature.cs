using System;
using System.Globalization;
using System.IO;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace FreedomPay.Runtime
{
    /// <summary>
    /// The header signatures of the JSON APIs (the spec's <c>auth:</c>). A detached JWS (RFC 7515 appendix F): the
    /// protected header <c>{uri, &lt;key-id&gt;, method, params, alg}</c> as the docs list it, the signing input
    /// <c>BASE64URL(header) '.' BASE64URL(body)</c> over the exact body bytes sent, HMAC with the secret key, and the
    /// payload left out of the header value (<c>header..signature</c>). The older Card API's <c>Sign</c>: lowercase hex
    /// SHA-256 of the body followed by the secret key.
    /// </summary>
    internal static class HeaderSignature
    {
        public const string JwsHeader = "X-JWS-Signature";
        public const string SignHeader = "Sign";
        public const string AuthIdHeader = "Auth-Id";

        /// <summary>The detached JWS of one request.</summary>
        /// <param name="scheme"><see cref="AuthScheme.JwsHs256"/> or <see cref="AuthScheme.JwsHs512"/>.</param>
        /// <param name="keyIdMember">The header member that carries the merchant id (<c>auth_id</c>, <c>merchant_id</c>).</param>
        /// <param name="merchantId">The merchant id: a JSON number when it is digits, as the docs' example token has it.</param>
        /// <param name="method">The HTTP method.</param>
        /// <param name="uri">The request's path from the server root, with its leading slash.</param>
        /// <param name="query">The query string without '?', empty for a POST.</param>
        /// <param name="body">The body bytes exactly as sent.</param>
        /// <param name="secret">The key.</param>
        public static string Jws(AuthScheme scheme, string keyIdMember, string merchantId, string method, string uri, string query, byte[] body, string secret)
        {
            string alg = scheme == AuthScheme.JwsHs512 ? "HS512" : "HS256";
            string header = Base64Url(ProtectedHeader(keyIdMember, merchantId, method, uri, query, alg));
            byte[] input = Encoding.ASCII.GetBytes(header + "." + Base64Url(body));
            byte[] key = Encoding.UTF8.GetBytes(secret);
            using HMAC hmac = scheme == AuthScheme.JwsHs512 ? new HMACSHA512(key) : new HMACSHA256(key);
            return header + ".." + Base64Url(hmac.ComputeHash(input));
        }

        /// <summary>The <c>Sign</c> header: hex SHA-256 of the body bytes followed by the UTF-8 secret.</summary>
        public static string Sha256(byte[] body, string secret)
        {
            byte[] key = Encoding.UTF8.GetBytes(secret);
            byte[] signed = new byte[body.Length + key.Length];
            Buffer.BlockCopy(body, 0, signed, 0, body.Length);
            Buffer.BlockCopy(key, 0, signed, body.Length, key.Length);
            using var sha = SHA256.Create();
            byte[] hash = sha.ComputeHash(signed);
            var hex = new StringBuilder(hash.Length * 2);
            foreach (byte b in hash)
            {
                hex.Append(b.ToString("x2", CultureInfo.InvariantCulture));
            }

            return hex.ToString();
        }

        private static byte[] ProtectedHeader(string keyIdMember, string merchantId, string method, string uri, string query, string alg)
        {
            using var stream = new MemoryStream(128);
            using (var json = new Utf8JsonWriter(stream))
            {
                json.WriteStartObject();
                json.WriteString("uri", uri);
                if (long.TryParse(merchantId, NumberStyles.None, CultureInfo.InvariantCulture, out long number))
                {
                    json.WriteNumber(keyIdMember, number);
                }
                else
                {
                    json.WriteString(keyIdMember, merchantId);
                }

                json.WriteString("method", method);
                json.WriteString("params", query);
                json.WriteString("alg", alg);
                json.WriteEndObject();
            }

            return stream.ToArray();
        }

        /// <summary>RFC 4648 §5 without padding, as JWS uses it.</summary>
        internal static string Base64Url(byte[] bytes) =>
            Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
    }
}
