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
    /// protected header <c>{uri, &lt;key-id&gt;, method, params, alg}</c> as the docs list it (the members of the path
    /// and the merchant id, and the id's JSON type, as the area's <see cref="JwsHeaderShape"/> says), the signing input
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
        /// <param name="shape">The protected header's members (<see cref="JwsHeaderShape"/>).</param>
        /// <param name="merchantId">The merchant id: a JSON string, or a number where the shape says so.</param>
        /// <param name="method">The HTTP method.</param>
        /// <param name="uri">The request's path from the server root, with its leading slash.</param>
        /// <param name="query">The query string without '?', empty for a POST.</param>
        /// <param name="body">The body bytes exactly as sent.</param>
        /// <param name="secret">The key.</param>
        public static string Jws(AuthScheme scheme, JwsHeaderShape shape, string merchantId, string method, string uri, string query, byte[] body, string secret)
        {
            using HMAC hmac = NewHmac(scheme, Encoding.UTF8.GetBytes(secret));
            return Jws(EncodedHeader(scheme, shape, merchantId, method, uri, query), new ArraySegment<byte>(body), hmac);
        }

        /// <summary>
        /// The detached JWS over <paramref name="body"/> with a protected header already encoded
        /// (<see cref="EncodedHeader"/>: it is the same for every call of an operation by one merchant, so callers keep
        /// it) and a keyed HMAC the caller keeps too: keying an HMAC costs more than hashing a request, so it is done
        /// once. An HMAC object is not thread-safe; it is used under its own lock.
        /// </summary>
        public static string Jws(string encodedHeader, ArraySegment<byte> body, HMAC hmac)
        {
            // The signing input in one buffer: the header's characters are ASCII already, the body is encoded in place.
            int bodyLength = Base64UrlLength(body.Count);
            byte[] input = new byte[encodedHeader.Length + 1 + bodyLength];
            for (int i = 0; i < encodedHeader.Length; i++)
            {
                input[i] = (byte)encodedHeader[i];
            }

            input[encodedHeader.Length] = (byte)'.';
            EncodeBase64Url(body, input, encodedHeader.Length + 1);
            byte[] signature;
            lock (hmac)
            {
                signature = hmac.ComputeHash(input);
            }

            return encodedHeader + ".." + Base64Url(signature);
        }

        /// <summary>The keyed HMAC of a JWS scheme (SHA-512 for HS512, SHA-256 for HS256).</summary>
        public static HMAC NewHmac(AuthScheme scheme, byte[] key) => scheme == AuthScheme.JwsHs512 ? new HMACSHA512(key) : new HMACSHA256(key);

        /// <summary>BASE64URL of the protected header of an operation's requests.</summary>
        /// <exception cref="InvalidOperationException">The shape writes the merchant id as a number and it is not digits.</exception>
        public static string EncodedHeader(AuthScheme scheme, JwsHeaderShape shape, string merchantId, string method, string uri, string query) =>
            Base64Url(ProtectedHeader(shape, merchantId, method, uri, query, scheme == AuthScheme.JwsHs512 ? "HS512" : "HS256"));

        /// <summary>The <c>Sign</c> header: hex SHA-256 of the body bytes followed by the UTF-8 secret.</summary>
        public static string Sha256(byte[] body, string secret) => Sha256(new ArraySegment<byte>(body), Encoding.UTF8.GetBytes(secret));

        public static string Sha256(ArraySegment<byte> body, byte[] key)
        {
            byte[] signed = new byte[body.Count + key.Length];
            Buffer.BlockCopy(body.Array!, body.Offset, signed, 0, body.Count);
            Buffer.BlockCopy(key, 0, signed, body.Count, key.Length);
            byte[] hash;
#if NET8_0_OR_GREATER
            hash = SHA256.HashData(signed);
            return Convert.ToHexString(hash).ToLowerInvariant();
#else
            using (var sha = SHA256.Create())
            {
                hash = sha.ComputeHash(signed);
            }

            var hex = new StringBuilder(hash.Length * 2);
            foreach (byte b in hash)
            {
                hex.Append(b.ToString("x2", CultureInfo.InvariantCulture));
            }

            return hex.ToString();
#endif
        }

        private static byte[] ProtectedHeader(JwsHeaderShape shape, string merchantId, string method, string uri, string query, string alg)
        {
            long number = 0;
            if (shape.KeyIdIsNumber && !long.TryParse(merchantId, NumberStyles.None, CultureInfo.InvariantCulture, out number))
            {
                throw new InvalidOperationException($"The area's JWS header carries the merchant id as a number ({shape.KeyIdMember}), but the merchant id '{merchantId}' is not digits: check FreedomPayClientOptions.MerchantId.");
            }

            using var stream = new MemoryStream(128);
            using (var json = new Utf8JsonWriter(stream, JsonBody.WriterOptions))
            {
                json.WriteStartObject();
                json.WriteString(shape.PathMember, uri);
                if (shape.KeyIdIsNumber)
                {
                    json.WriteNumber(shape.KeyIdMember, number);
                }
                else
                {
                    json.WriteString(shape.KeyIdMember, merchantId);
                }

                json.WriteString("method", method);
                json.WriteString("params", query);
                json.WriteString("alg", alg);
                json.WriteEndObject();
            }

            return stream.ToArray();
        }

        /// <summary>RFC 4648 §5 without padding, as JWS uses it.</summary>
        internal static string Base64Url(byte[] bytes)
        {
#if NET9_0_OR_GREATER
            return System.Buffers.Text.Base64Url.EncodeToString(bytes);
#else
            return Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
#endif
        }

        private static int Base64UrlLength(int bytes) => ((bytes / 3) * 4) + (bytes % 3 == 0 ? 0 : (bytes % 3) + 1);

        /// <summary>Writes BASE64URL of <paramref name="data"/> as ASCII bytes into <paramref name="into"/> from <paramref name="at"/>.</summary>
        private static void EncodeBase64Url(ArraySegment<byte> data, byte[] into, int at)
        {
#if NET9_0_OR_GREATER
            System.Buffers.Text.Base64Url.EncodeToUtf8(data, into.AsSpan(at));
#else
            EncodeBase64UrlPortable(data, into, at);
#endif
        }

        /// <summary>The same, by hand, for the targets without <c>System.Buffers.Text.Base64Url</c> (netstandard2.0, .NET 8).</summary>
        internal static void EncodeBase64UrlPortable(ArraySegment<byte> data, byte[] into, int at)
        {
            const string Alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
            byte[] source = data.Array!;
            int end = data.Offset + data.Count;
            int i = data.Offset;
            for (; i + 2 < end; i += 3)
            {
                int triple = (source[i] << 16) | (source[i + 1] << 8) | source[i + 2];
                into[at++] = (byte)Alphabet[(triple >> 18) & 63];
                into[at++] = (byte)Alphabet[(triple >> 12) & 63];
                into[at++] = (byte)Alphabet[(triple >> 6) & 63];
                into[at++] = (byte)Alphabet[triple & 63];
            }

            if (end - i == 1)
            {
                int single = source[i] << 16;
                into[at++] = (byte)Alphabet[(single >> 18) & 63];
                into[at] = (byte)Alphabet[(single >> 12) & 63];
            }
            else if (end - i == 2)
            {
                int pair = (source[i] << 16) | (source[i + 1] << 8);
                into[at++] = (byte)Alphabet[(pair >> 18) & 63];
                into[at++] = (byte)Alphabet[(pair >> 12) & 63];
                into[at] = (byte)Alphabet[(pair >> 6) & 63];
            }
        }

        internal static int EncodedLength(int bytes) => Base64UrlLength(bytes);
    }
}
