using System;
using System.IO;
using System.Text;

namespace FreedomPay.Runtime
{
    /// <summary>A gateway reply as read from the wire: its root element and its exact bytes.</summary>
    public sealed class PgResponse
    {
        private readonly byte[] _body;
        private string? _xml;

        /// <summary>Wraps a parsed reply (used by the XML reader and by tests).</summary>
        public PgResponse(PgElement root, byte[] body)
        {
            Root = root ?? throw new ArgumentNullException(nameof(root));
            _body = body ?? throw new ArgumentNullException(nameof(body));
        }

        /// <summary>The root element (<c>response</c>, or <c>root</c> in the docs' examples).</summary>
        public PgElement Root { get; }

        /// <summary>The reply exactly as received, decoded as text.</summary>
        public string Xml => _xml ??= Decode(_body);

        private static string Decode(byte[] body)
        {
            using var reader = new StreamReader(new MemoryStream(body), Encoding.UTF8, detectEncodingFromByteOrderMarks: true);
            return reader.ReadToEnd();
        }
    }
}
