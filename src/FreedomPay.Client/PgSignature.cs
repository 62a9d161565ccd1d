using System;
using System.Collections.Generic;
using System.Linq;
using FreedomPay.Runtime;

namespace FreedomPay
{
    /// <summary>
    /// The FreedomPay <c>pg_sig</c> signature, for anything the generated client does not cover yet (callbacks,
    /// other endpoints). MD5 (lowercase hex) of the UTF-8 text
    /// <c>script;value;value;...;secret</c>: the called script's name (the last path segment, e.g.
    /// <c>init_payment.php</c> or <c>pay</c>), the values of all fields except <c>pg_sig</c>, and the merchant's
    /// secret key. The values are ordered as FreedomPay's reference code orders them: by "flat name", each field's
    /// name followed by its 1-based position in the message as three digits (<c>pg_amount003</c>), a nested value's
    /// flat name continuing its parent's (<c>pg_receipt_positions005</c> + <c>0001</c> + <c>name002</c> for the form
    /// field <c>pg_receipt_positions[0][name]</c>), compared ordinally. For most messages that is simply "by field
    /// name"; it differs where one name is a prefix of another (<c>order</c> / <c>order-x</c>) and for lists of more
    /// than ten items.
    /// </summary>
    public static class PgSignature
    {
        /// <summary>The name of the signature field, which is never part of what is signed.</summary>
        public const string SignatureField = "pg_sig";

        /// <summary>
        /// The prefix of the gateway's own field names. The merchant's own parameters (the spec's <c>extra-params</c>)
        /// must not start with it; in callbacks, fields without it are the merchant's parameters passed back.
        /// </summary>
        public const string GatewayPrefix = "pg_";

        /// <summary>The name of the random salt field of signed messages (signed like any other field).</summary>
        public const string SaltField = "pg_salt";

        /// <summary>Computes the signature of form fields (any <c>pg_sig</c> among them is ignored).</summary>
        /// <param name="scriptName">The called script's name, e.g. <c>pay</c>; see <see cref="ScriptNameOf(Uri)"/>.</param>
        /// <param name="fields">Field names and values in the order they are sent (the order is part of the signature).</param>
        /// <param name="secretKey">The merchant's secret key.</param>
        /// <exception cref="FreedomPayProtocolException">Names that prefix one another so long that ordering them would take unbounded work.</exception>
        public static string Compute(string scriptName, IEnumerable<KeyValuePair<string, string>> fields, string secretKey)
        {
            CheckArguments(scriptName, fields, secretKey);
            IReadOnlyList<KeyValuePair<string, string>> list = fields as IReadOnlyList<KeyValuePair<string, string>> ?? fields.ToList();
            return SignatureString.Sign(scriptName, list, SignatureField, secretKey);
        }

        /// <summary>Checks, in constant time, that <paramref name="signature"/> signs the fields (in the order received).</summary>
        /// <remarks>A message too pathological to put in signing order is not validly signed (false, no exception).</remarks>
        public static bool Verify(string scriptName, IEnumerable<KeyValuePair<string, string>> fields, string secretKey, string? signature)
        {
            if (signature is null)
            {
                return false;
            }

            try
            {
                return FixedTimeEquals(Compute(scriptName, fields, secretKey), signature);
            }
            catch (FreedomPayProtocolException)
            {
                return false;
            }
        }

        /// <summary>
        /// Computes the signature of an XML message (nested elements in place, <c>pg_sig</c> excluded at any depth),
        /// as the reference code signs XML: its flat list of values is flattened once more before sorting.
        /// </summary>
        /// <exception cref="FreedomPayProtocolException">Names that prefix one another so long that ordering them would take unbounded work.</exception>
        public static string Compute(string scriptName, PgElement root, string secretKey)
        {
            if (root is null)
            {
                throw new ArgumentNullException(nameof(root));
            }

            CheckArguments(scriptName, Array.Empty<KeyValuePair<string, string>>(), secretKey);
            return SignatureString.Sign(scriptName, root, SignatureField, secretKey);
        }

        /// <summary>
        /// Checks, in constant time, the <c>pg_sig</c> element of an XML message. A message with no <c>pg_sig</c>, or
        /// with more than one, is not validly signed.
        /// </summary>
        /// <remarks>A message too pathological to put in signing order is not validly signed (false, no exception).</remarks>
        public static bool Verify(string scriptName, PgElement root, string secretKey)
        {
            if (root is null || !root.TryFindSingle(SignatureField, out PgElement? signature) || signature is null)
            {
                return false;
            }

            try
            {
                return FixedTimeEquals(Compute(scriptName, root, secretKey), signature.Value);
            }
            catch (FreedomPayProtocolException)
            {
                return false;
            }
        }

        /// <summary>
        /// The script name FreedomPay signs for a URL: from the last '/' up to '?' or the end
        /// (<c>https://shop.kz/pay/result?x=1</c> -> <c>result</c>).
        /// </summary>
        public static string ScriptNameOf(Uri url)
        {
            if (url is null)
            {
                throw new ArgumentNullException(nameof(url));
            }

            string path = url.IsAbsoluteUri ? url.AbsolutePath : url.OriginalString.Split('?')[0];
            return path.Substring(path.LastIndexOf('/') + 1);
        }

        /// <summary>Compares two signatures without leaking, through timing, how much of them matched.</summary>
        internal static bool FixedTimeEquals(string expected, string actual)
        {
            if (expected.Length != actual.Length)
            {
                return false;
            }

            int difference = 0;
            for (int i = 0; i < expected.Length; i++)
            {
                // Hex digits compare case-insensitively: the docs say lowercase, a server may send uppercase.
                difference |= char.ToLowerInvariant(expected[i]) ^ char.ToLowerInvariant(actual[i]);
            }

            return difference == 0;
        }

        private static void CheckArguments(string scriptName, IEnumerable<KeyValuePair<string, string>> fields, string secretKey)
        {
            if (string.IsNullOrEmpty(scriptName))
            {
                throw new ArgumentException("The script name is required (e.g. 'init_payment.php' or 'pay').", nameof(scriptName));
            }

            if (fields is null)
            {
                throw new ArgumentNullException(nameof(fields));
            }

            if (string.IsNullOrEmpty(secretKey))
            {
                throw new ArgumentException("The secret key is required.", nameof(secretKey));
            }
        }
    }
}
