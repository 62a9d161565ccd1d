using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text;
using System.Xml;

namespace FreedomPay.Sandbox.Gateway
{
    /// <summary>
    /// A reply as elements; rendered as <c>&lt;response&gt;</c> XML, signed for the called script with a fresh
    /// pg_salt and pg_sig unless the merchant is unknown (then unsigned, as the real gateway does).
    /// </summary>
    internal sealed class GatewayReply
    {
        private readonly List<KeyValuePair<string, string>> _elements = new List<KeyValuePair<string, string>>();

        public GatewayReply Add(string name, string? value)
        {
            if (value is not null)
            {
                _elements.Add(new KeyValuePair<string, string>(name, value));
            }

            return this;
        }

        public GatewayReply Add(string name, long value) => Add(name, value.ToString(CultureInfo.InvariantCulture));

        public GatewayReply Add(string name, decimal value) => Add(name, value.ToString(CultureInfo.InvariantCulture));

        public static GatewayReply Ok() => new GatewayReply().Add("pg_status", "ok");

        /// <summary>Sets pg_status (the first element) to another success value, e.g. need_approve.</summary>
        public GatewayReply Replace(string status)
        {
            _elements[0] = new KeyValuePair<string, string>("pg_status", status);
            return this;
        }

        public static GatewayReply Error(int code, string description) =>
            new GatewayReply().Add("pg_status", "error").Add("pg_error_code", code).Add("pg_error_description", description);

        public IReadOnlyList<KeyValuePair<string, string>> Elements => _elements;

        /// <summary>The signed XML text; <paramref name="secret"/> null leaves it unsigned.</summary>
        public string Render(string script, string? secret, string salt, bool spoilSignature = false)
        {
            var elements = new List<KeyValuePair<string, string>>(_elements);
            if (secret is not null)
            {
                elements.Add(new KeyValuePair<string, string>("pg_salt", salt));
                string signature = PgSignature.Compute(script, elements, secret);
                elements.Add(new KeyValuePair<string, string>("pg_sig", spoilSignature ? new string(signature.Reverse().ToArray()) : signature));
            }

            var text = new StringBuilder();
            var settings = new XmlWriterSettings { Indent = true, Encoding = new UTF8Encoding(false), OmitXmlDeclaration = true };
            using (var writer = XmlWriter.Create(new StringWriter(text, CultureInfo.InvariantCulture), settings))
            {
                writer.WriteStartElement("response");
                foreach (var (name, value) in elements)
                {
                    writer.WriteElementString(name, value);
                }

                writer.WriteEndElement();
            }

            return "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n" + text + "\n";
        }
    }
}
