using System;
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

        /// <summary>The reply exactly as received, decoded as text.</summary>
        public string Xml => _xml ??= Decode(_body, _length);

        private static string Decode(byte[] body, int length)
        {
            using var reader = new StreamReader(new MemoryStream(body, 0, length), Encoding.UTF8, detectEncodingFromByteOrderMarks: true);
            return reader.ReadToEnd();
        }
    }
}
