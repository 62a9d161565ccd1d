using System;
using System.Collections.Generic;
using System.Linq;
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
        private CallbackMessage(string scriptName, PgElement root)
        {
            ScriptName = scriptName;
            Root = root;
        }

        /// <summary>The script name the signature covers.</summary>
        public string ScriptName { get; }

        /// <summary>The fields, as the children of one element (nested ones for the XML variant).</summary>
        public PgElement Root { get; }

        /// <summary>The payment the callback is about, when it says.</summary>
        public string? PaymentId => Root.GetString("pg_payment_id");

        /// <summary>A callback sent as form fields or a query string, in the order received.</summary>
        public static CallbackMessage FromFields(string scriptName, IEnumerable<KeyValuePair<string, string>> fields)
        {
            CheckScript(scriptName);
            if (fields is null)
            {
                throw new ArgumentNullException(nameof(fields));
            }

            return new CallbackMessage(scriptName, new PgElement("request", string.Empty, fields.Select(f => new PgElement(f.Key, f.Value ?? string.Empty)).ToArray()));
        }

        /// <summary>A callback sent as XML (pg_request_method=XML: a <c>pg_xml</c> field holding <c>&lt;request&gt;...&lt;/request&gt;</c>).</summary>
        /// <exception cref="FreedomPayProtocolException">The text is not well-formed XML.</exception>
        public static CallbackMessage FromXml(string scriptName, string xml)
        {
            CheckScript(scriptName);
            if (xml is null)
            {
                throw new ArgumentNullException(nameof(xml));
            }

            return new CallbackMessage(scriptName, PgXmlReader.Read(Encoding.UTF8.GetBytes(xml)).Root);
        }

        /// <summary>Whether the callback is signed with this secret key (compared in constant time).</summary>
        public bool HasValidSignature(string secretKey) => PgSignature.Verify(ScriptName, Root, secretKey);

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

    /// <summary>Base of generated callback types: the message they were read from.</summary>
    public abstract class FreedomPayCallback
    {
        /// <summary>Keeps the message (called by generated code).</summary>
        protected FreedomPayCallback(CallbackMessage message) => Message = message ?? throw new ArgumentNullException(nameof(message));

        /// <summary>Every field as received, including those the spec does not describe.</summary>
        public CallbackMessage Message { get; }
    }
}
