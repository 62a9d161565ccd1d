using System;
using System.Collections.Generic;
using System.Text;

namespace FreedomPay.Runtime
{
    /// <summary>
    /// A callback as received: its fields (from a form body, a query string, or the XML variant) and the script
    /// name it is signed with, which is the last path segment of the merchant's URL it was sent to
    /// (<c>https://shop.kz/freedompay/result</c> -> <c>result</c>).
    /// </summary>
    public sealed class CallbackMessage
    {
        private readonly IReadOnlyList<KeyValuePair<string, string>>? _form;
        private string? _fingerprint;

        private CallbackMessage(string scriptName, PgElement root, IReadOnlyList<KeyValuePair<string, string>>? form = null)
        {
            ScriptName = scriptName;
            Root = root;
            _form = form;
        }

        /// <summary>The script name the signature covers.</summary>
        public string ScriptName { get; }

        /// <summary>The fields, as the children of one element (nested ones for the XML variant).</summary>
        public PgElement Root { get; }

        /// <summary>
        /// A callback sent as form fields or a query string, in the order received, at most
        /// <see cref="DefaultMaxFields"/> of them.
        /// </summary>
        /// <exception cref="FreedomPayProtocolException">There are more fields than that.</exception>
        public static CallbackMessage FromFields(string scriptName, IEnumerable<KeyValuePair<string, string>> fields) =>
            FromFields(scriptName, fields, DefaultMaxFields);

        /// <summary>A callback sent as form fields or a query string, in the order received, at most <paramref name="maxFields"/>.</summary>
        /// <exception cref="FreedomPayProtocolException">There are more fields than <paramref name="maxFields"/>.</exception>
        public static CallbackMessage FromFields(string scriptName, IEnumerable<KeyValuePair<string, string>> fields, int maxFields)
        {
            CheckScript(scriptName);
            if (fields is null)
            {
                throw new ArgumentNullException(nameof(fields));
            }

            var elements = new List<PgElement>();
            var form = new List<KeyValuePair<string, string>>();
            foreach (KeyValuePair<string, string> field in fields)
            {
                if (elements.Count == maxFields)
                {
                    throw new FreedomPayProtocolException($"The callback has more than {maxFields} fields, more than any FreedomPay callback has; it was refused before reading further.");
                }

                var element = new PgElement(field.Key ?? string.Empty, field.Value ?? string.Empty);
                elements.Add(element);
                form.Add(new KeyValuePair<string, string>(element.Name, element.Value));
            }

            return new CallbackMessage(scriptName, new PgElement("request", string.Empty, elements), form);
        }

        /// <summary>
        /// A callback sent as XML (pg_request_method=XML: a <c>pg_xml</c> field holding <c>&lt;request&gt;...&lt;/request&gt;</c>),
        /// within <see cref="DefaultMaxBytes"/> and <see cref="DefaultMaxFields"/> elements.
        /// </summary>
        /// <exception cref="FreedomPayProtocolException">The text is not well-formed XML, or it is over a limit.</exception>
        public static CallbackMessage FromXml(string scriptName, string xml) => FromXml(scriptName, xml, DefaultMaxBytes, DefaultMaxFields);

        /// <summary>A callback sent as XML, read within the limits given (bytes of UTF-8, elements at any depth).</summary>
        /// <exception cref="FreedomPayProtocolException">The text is not well-formed XML, or it is over a limit.</exception>
        public static CallbackMessage FromXml(string scriptName, string xml, int maxBytes, int maxFields)
        {
            CheckScript(scriptName);
            if (xml is null)
            {
                throw new ArgumentNullException(nameof(xml));
            }

            // Refused before encoding: a UTF-8 byte per character at the least.
            if (xml.Length > maxBytes || Encoding.UTF8.GetByteCount(xml) > maxBytes)
            {
                throw new FreedomPayProtocolException($"The callback's XML is longer than {maxBytes} bytes, more than any FreedomPay callback has; it was refused unread.");
            }

            byte[] bytes = Encoding.UTF8.GetBytes(xml);
            return new CallbackMessage(scriptName, PgXmlReader.Read(bytes, bytes.Length, new MessageLimits(maxBytes, maxFields), "callback").Root);
        }

        /// <summary>The default limit of fields (or XML elements) read from a callback: real ones have a few dozen.</summary>
        public const int DefaultMaxFields = 256;

        /// <summary>The default limit of a callback's size in bytes: real ones are under 2 KiB.</summary>
        public const int DefaultMaxBytes = 64 * 1024;

        /// <summary>
        /// A fingerprint of what the callback says: SHA-256 (hex) over every field's name and value in signing order,
        /// without <c>pg_salt</c> and <c>pg_sig</c>. A repeat of the same notification has the same fingerprint, even
        /// with a fresh salt; any changed, added or renamed field changes it.
        /// </summary>
        public string ContentFingerprint => _fingerprint ??= CallbackFingerprint.Of(Root);

        /// <summary>Whether the callback is signed with this secret key (compared in constant time).</summary>
        public bool HasValidSignature(string secretKey)
        {
            if (_form is null)
            {
                return PgSignature.Verify(ScriptName, Root, secretKey);
            }

            // A form is signed as forms are (bracketed names nested, flattened once), not as XML.
            return Root.TryFindSingle(PgSignature.SignatureField, out PgElement? signature) && signature is not null
                && PgSignature.Verify(ScriptName, _form, secretKey, signature.Value);
        }

        /// <summary>Throws unless the callback is signed with this secret key.</summary>
        /// <exception cref="FreedomPaySignatureException">The signature is missing or wrong: do not act on the callback.</exception>
        public void EnsureSignature(string secretKey)
        {
            if (!HasValidSignature(secretKey))
            {
                throw new FreedomPaySignatureException(
                    "callback " + ScriptName,
                    $"The callback to '{ScriptName}' is not signed with the merchant's secret key: it may be forged, do not act on it. (If it is genuine, check that the script name is the last segment of the URL FreedomPay calls.)",
                    rawXml: string.Empty);
            }
        }

        private static void CheckScript(string scriptName)
        {
            if (string.IsNullOrEmpty(scriptName))
            {
                throw new ArgumentException("The script name is the last path segment of the URL the callback was sent to, e.g. 'result'.", nameof(scriptName));
            }
        }
    }
}
