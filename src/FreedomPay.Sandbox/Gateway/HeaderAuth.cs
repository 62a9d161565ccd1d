using System;
using System.Collections.Generic;
using System.Linq;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using FreedomPay.Runtime;
using Jose;
using Microsoft.AspNetCore.Http;

namespace FreedomPay.Sandbox.Gateway
{
    /// <summary>
    /// The sandbox's own check of the header signatures (the spec's <c>auth:</c>), independent of the client's code:
    /// a detached JWS verified with jose-jwt over the exact body received (the algorithm the area names, the path and
    /// method in the protected header matching the request), or the <c>Sign</c> header recomputed. The merchant is
    /// the one the JWS header (its key-id member) or <c>Auth-Id</c> names.
    /// </summary>
    internal static class HeaderAuth
    {
        /// <summary>The largest protected header read; real ones are about a hundred bytes.</summary>
        private const int MaxHeaderChars = 2048;

        /// <summary>
        /// The merchant the request names (null when none or unknown), the key that verified, and when it failed the
        /// error code and why (101 no or unknown merchant, 1019 no key for the area, 1002 a signature that does not verify).
        /// </summary>
        public static (SandboxMerchant? Merchant, string? MerchantId, string? Secret, (int Code, string Text)? Problem) Verify(
            SandboxRoute route, HttpRequest request, byte[] body, IReadOnlyList<SandboxMerchant> merchants)
        {
            OperationDescriptor operation = route.Operation!.Descriptor;
            AuthScheme scheme = SchemeOf(operation, request);
            string? merchantId;
            string? jws = null;
            if (scheme == AuthScheme.Sha256Sign)
            {
                merchantId = request.Headers[HeaderSignatureNames.AuthId].FirstOrDefault();
            }
            else
            {
                jws = request.Headers[HeaderSignatureNames.Jws].FirstOrDefault();
                merchantId = jws is null ? null : KeyIdOf(jws, operation.AuthKeyId);
            }

            SandboxMerchant? merchant = merchants.FirstOrDefault(m => m.MerchantId == merchantId);
            if (merchant is null)
            {
                return (null, merchantId, null, (SandboxErrorCodes.UnknownMerchant, merchantId is null ? "No merchant is named: the signature header is missing or unreadable." : $"Unknown merchant {merchantId}."));
            }

            string? secret = route.SecretNames.Select(merchant.SecretFor).FirstOrDefault(key => key is not null);
            if (secret is null)
            {
                return (merchant, merchantId, null, (SandboxErrorCodes.PayoutsNotEnabled, $"{route.DisplayName} is not enabled for merchant {merchant.MerchantId}."));
            }

            string? problem = scheme == AuthScheme.Sha256Sign
                ? CheckSign(request.Headers[HeaderSignatureNames.Sign].FirstOrDefault(), body, secret)
                : CheckJws(jws!, scheme, operation, request, body, secret);
            return problem is null ? (merchant, merchantId, secret, null) : (merchant, merchantId, null, (SandboxErrorCodes.InvalidSignature, problem));
        }

        /// <summary>
        /// The scheme a request is checked with: the area's, or, where servers of the area sign otherwise (the Card
        /// API's Sign header on .uz), the one whose header the request carries. The sandbox stands for every server.
        /// </summary>
        internal static AuthScheme SchemeOf(OperationDescriptor operation, HttpRequest request)
        {
            AuthScheme[] schemes = operation.AuthSchemes.ToArray();
            if (schemes.Length > 1)
            {
                if (request.Headers.ContainsKey(HeaderSignatureNames.Sign) && schemes.Contains(AuthScheme.Sha256Sign))
                {
                    return AuthScheme.Sha256Sign;
                }

                if (request.Headers.ContainsKey(HeaderSignatureNames.Jws) && schemes.FirstOrDefault(s => s is AuthScheme.JwsHs256 or AuthScheme.JwsHs512) is var jws and not AuthScheme.PgSig)
                {
                    return jws;
                }
            }

            return operation.Auth;
        }

        /// <summary>
        /// The headers a server adds to every call (the spec's <c>headers:</c> on a server), for a request signed with
        /// the scheme only that server uses (the .uz Card API's <c>Sign</c>): the first one missing or wrong, or null.
        /// A request signed as the area is could be meant for any server, so nothing more is asked of it.
        /// </summary>
        internal static string? MissingServerHeader(OperationDescriptor operation, HttpRequest request)
        {
            AuthScheme scheme = SchemeOf(operation, request);
            if (scheme == operation.Auth)
            {
                return null;
            }

            foreach (KeyValuePair<Uri, AuthScheme> server in operation.ServerAuth.Where(s => s.Value == scheme))
            {
                foreach (RequestHeader header in operation.ServerHeadersAt(server.Key))
                {
                    string? value = request.Headers[header.Name].FirstOrDefault();
                    if (header.Source == HeaderSource.RequestId ? string.IsNullOrEmpty(value) || value.Length > 64 : value != header.Value)
                    {
                        return $"The {header.Name} header is required for a request signed with {scheme}: its server adds it to every call{(header.Source == HeaderSource.RequestId ? " (a unique request id, at most 64 characters)" : " (" + header.Value + ")")}.";
                    }
                }
            }

            return null;
        }

        /// <summary>
        /// Strict, as a gateway that knows no JWS extension would be: three base64url parts in canonical form (no
        /// padding, no <c>+</c> or <c>/</c>, no stray bits), a detached payload, a protected header that is a JSON object
        /// with the area's <c>alg</c>, no <c>crit</c> (no extension is understood) and no <c>b64</c> (the payload is
        /// always base64url-encoded), then the signature over the exact body, and the path (<c>uri</c>, or the member the area's header shape names), <c>method</c> and
        /// <c>params</c> of the request it was made for. A client bug of any of these kinds fails here, not at the gateway.
        /// </summary>
        private static string? CheckJws(string jws, AuthScheme scheme, OperationDescriptor operation, HttpRequest request, byte[] body, string secret)
        {
            JwsAlgorithm algorithm = scheme == AuthScheme.JwsHs512 ? JwsAlgorithm.HS512 : JwsAlgorithm.HS256;
            string[] parts = jws.Split('.');
            if (parts.Length != 3 || parts[1].Length != 0)
            {
                return "X-JWS-Signature is not a JWS with a detached payload (header..signature).";
            }

            if (parts[0].Length > MaxHeaderChars || !IsCanonicalBase64Url(parts[0]) || !IsCanonicalBase64Url(parts[2]))
            {
                return "X-JWS-Signature is not in canonical base64url (RFC 7515: no padding, no '+' or '/', no stray bits).";
            }

            string? problem = CheckProtectedHeader(parts[0], algorithm == JwsAlgorithm.HS512 ? "HS512" : "HS256", operation.JwsHeader, request);
            if (problem is not null)
            {
                return problem;
            }

            try
            {
                JWT.DecodeBytes(jws, Encoding.UTF8.GetBytes(secret), algorithm, payload: body);
            }
            catch (Exception ex) when (ex is JoseException or ArgumentException or FormatException or InvalidOperationException)
            {
                return $"X-JWS-Signature does not verify ({ex.GetType().Name}): the body was changed after signing, the key or the algorithm ({algorithm}) is not the merchant's.";
            }

            return null;
        }

        /// <summary>
        /// The protected header's members checked against the request and the area's header shape (null when they
        /// match): the path in the member the shape names, the merchant id as the JSON type it says.
        /// </summary>
        private static string? CheckProtectedHeader(string encoded, string alg, JwsHeaderShape shape, HttpRequest request)
        {
            try
            {
                using JsonDocument header = JsonDocument.Parse(Base64Url.Decode(encoded), new JsonDocumentOptions { MaxDepth = 4 });
                JsonElement root = header.RootElement;
                if (root.ValueKind != JsonValueKind.Object)
                {
                    return "The JWS protected header is not a JSON object.";
                }

                if (root.TryGetProperty("crit", out _))
                {
                    return "The JWS protected header lists 'crit' extensions; the gateway understands none.";
                }

                if (root.TryGetProperty("b64", out _))
                {
                    return "The JWS protected header has 'b64': the payload must be base64url-encoded as RFC 7515 says (no RFC 7797 unencoded payload).";
                }

                if (Text(root, "alg") != alg)
                {
                    return $"The JWS protected header's alg is not {alg}.";
                }

                if (!root.TryGetProperty(shape.KeyIdMember, out JsonElement keyId) || keyId.ValueKind != (shape.KeyIdIsNumber ? JsonValueKind.Number : JsonValueKind.String))
                {
                    return $"The JWS protected header's {shape.KeyIdMember} is not a JSON {(shape.KeyIdIsNumber ? "number" : "string")}, as the area's header shape says ({shape}).";
                }

                string? uri = Text(root, shape.PathMember);
                string? method = Text(root, "method");
                if (uri != request.Path.Value || !string.Equals(method, request.Method, StringComparison.OrdinalIgnoreCase))
                {
                    return $"X-JWS-Signature was made for {method} {uri}, not for {request.Method} {request.Path.Value}.";
                }

                string query = request.QueryString.HasValue ? request.QueryString.Value!.Substring(1) : string.Empty;
                if (Text(root, "params") != query)
                {
                    return "X-JWS-Signature's params are not the request's query string.";
                }

                return null;
            }
            catch (Exception ex) when (ex is JsonException or FormatException or ArgumentException or InvalidOperationException)
            {
                // InvalidOperationException: a string member that is not valid UTF-16 (an escaped lone surrogate).
                return "The JWS protected header is not readable JSON text.";
            }
        }

        /// <summary>RFC 4648 §5 without padding, and canonical: the unused low bits of the last character are zero.</summary>
        internal static bool IsCanonicalBase64Url(string text)
        {
            const string Alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
            if (text.Length == 0 || text.Length % 4 == 1)
            {
                return false;
            }

            foreach (char c in text)
            {
                if (c >= 128 || Alphabet.IndexOf(c) < 0)
                {
                    return false;
                }
            }

            int last = Alphabet.IndexOf(text[text.Length - 1]);
            return (text.Length % 4) switch
            {
                2 => (last & 0x0F) == 0, // 1 byte: 4 stray bits
                3 => (last & 0x03) == 0, // 2 bytes: 2 stray bits
                _ => true,
            };
        }

        private static string? CheckSign(string? sign, byte[] body, string secret)
        {
            if (sign is null)
            {
                return "The Sign header is missing.";
            }

            byte[] key = Encoding.UTF8.GetBytes(secret);
            string expected = Convert.ToHexString(SHA256.HashData(body.Concat(key).ToArray())).ToLowerInvariant();
            return CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(expected), Encoding.ASCII.GetBytes(sign)) ? null : "The Sign header does not match the body and the merchant's key.";
        }

        /// <summary>The merchant id in the protected header (a number or a string); null when it cannot be read.</summary>
        private static string? KeyIdOf(string jws, string member)
        {
            int dot = jws.IndexOf('.');
            if (dot <= 0 || dot > MaxHeaderChars)
            {
                return null;
            }

            try
            {
                using JsonDocument header = JsonDocument.Parse(Base64Url.Decode(jws.Substring(0, dot)), new JsonDocumentOptions { MaxDepth = 4 });
                return Text(header.RootElement, member);
            }
            catch (Exception ex) when (ex is JsonException or FormatException or ArgumentException or InvalidOperationException)
            {
                return null; // unreadable (InvalidOperationException: an escaped lone surrogate): no merchant is named
            }
        }

        private static string? Text(JsonElement header, string member) =>
            header.ValueKind == JsonValueKind.Object && header.TryGetProperty(member, out JsonElement value)
                ? value.ValueKind switch
                {
                    JsonValueKind.String => value.GetString(),
                    JsonValueKind.Number => value.GetRawText(),
                    _ => null,
                }
                : null;
    }

    /// <summary>The header names of the JSON APIs' signatures, as the docs write them.</summary>
    internal static class HeaderSignatureNames
    {
        public const string Jws = "X-JWS-Signature";
        public const string Sign = "Sign";
        public const string AuthId = "Auth-Id";
    }
}
