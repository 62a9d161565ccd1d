using System;
using System.Collections.Generic;
using System.IO;
using System.Text;

namespace FreedomPay.Runtime
{
    /// <summary>A gateway reply as read from the wire: its root element and its exact bytes.</summary>
    public sealed class PgResponse
    {
        private readonly byte[] _body;
        private readonly int _length;
        private string? _xml;

        internal PgResponse(PgElement root, byte[] body, int length)
        {
            Root = root ?? throw new ArgumentNullException(nameof(root));
            _body = body;
            _length = length;
        }

        /// <summary>The root element (<c>response</c>, or <c>root</c> in the docs' examples).</summary>
        public PgElement Root { get; }

        /// <summary>The request id the call was sent with (the spec's <c>fill: request-id</c> header); null when it has none.</summary>
        public string? RequestId { get; internal set; }

        /// <summary>The reply exactly as received, decoded as text (XML, or a JSON area's JSON).</summary>
        public string Xml => _xml ??= Decode(_body, _length);

        /// <summary>
        /// The reply's HTTP headers, for the JSON areas, whose docs describe some (<c>X-Request-Id</c>,
        /// <c>X-Datetime</c>, <c>X-Request-Status</c>); empty for the Merchant API's XML replies.
        /// </summary>
        public IReadOnlyList<KeyValuePair<string, string>> Headers { get; internal set; } = Array.Empty<KeyValuePair<string, string>>();

        /// <summary>A reply header's value (case-insensitive name; repeated values joined with ','), or null when absent.</summary>
        public string? Header(string name)
        {
            string? found = null;
            foreach (KeyValuePair<string, string> header in Headers)
            {
                if (string.Equals(header.Key, name, StringComparison.OrdinalIgnoreCase))
                {
                    found = found is null ? header.Value : found + "," + header.Value;
                }
            }

            return found;
        }

        private static string Decode(byte[] body, int length)
        {
            using var reader = new StreamReader(new MemoryStream(body, 0, length), Encoding.UTF8, detectEncodingFromByteOrderMarks: true);
            return reader.ReadToEnd();
        }
    }
}
