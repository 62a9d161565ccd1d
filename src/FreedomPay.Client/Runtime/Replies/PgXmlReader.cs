using System;
using System.Collections.Generic;
using System.IO;
using System.Text;
using System.Xml;

namespace FreedomPay.Runtime
{
    /// <summary>
    /// Reads a gateway message (a reply, or an XML callback) with <see cref="XmlReader"/>: any root name, every element
    /// kept in order, nested elements as children. The input is untrusted until its signature is checked, so the
    /// reader never recurses, refuses DTDs and external entities, and stops at <see cref="MessageLimits"/> (depth,
    /// element count, characters) before doing more work. Text of a leaf element is kept exactly, whitespace included.
    /// </summary>
    internal static class PgXmlReader
    {
        /// <summary>Reads a whole message; every failure is a <see cref="FreedomPayProtocolException"/>.</summary>
        public static PgResponse Read(byte[] body, int length, MessageLimits limits, string what = "reply")
        {
            try
            {
                using var stream = new MemoryStream(body, 0, length, writable: false);
                using XmlReader reader = XmlReader.Create(stream, limits.XmlSettings);
                PgElement root = ReadRoot(reader, limits, what);
                return new PgResponse(root, body, length);
            }
            catch (XmlException ex)
            {
                throw new FreedomPayProtocolException($"The {what} is not well-formed XML ({ex.Message}). It starts with: {Preview(body, length)}", ex);
            }
        }

        /// <summary>
        /// One pass over the reader with an explicit stack of open elements (no recursion, whatever the nesting), and
        /// a check of the depth and element count at every start tag.
        /// </summary>
        private static PgElement ReadRoot(XmlReader reader, MessageLimits limits, string what)
        {
            reader.MoveToContent();
            if (reader.NodeType != XmlNodeType.Element)
            {
                throw new XmlException("no root element");
            }

            // The open elements, innermost last: structs in an array, so that a leaf costs no allocation of its own.
            var open = new OpenElement[8];
            int depth = 0;
            PgElement? root = null;
            int elements = 0;
            do
            {
                switch (reader.NodeType)
                {
                    case XmlNodeType.Element:
                        if (root is not null)
                        {
                            throw new XmlException("a second root element");
                        }

                        if (++elements > limits.MaxElements)
                        {
                            throw Limit(what, $"has more than {limits.MaxElements} elements");
                        }

                        if (depth >= limits.MaxDepth)
                        {
                            throw Limit(what, $"nests elements deeper than {limits.MaxDepth} levels");
                        }

                        if (reader.IsEmptyElement)
                        {
                            root = Close(open, depth, new PgElement(reader.LocalName, string.Empty));
                        }
                        else
                        {
                            if (depth == open.Length)
                            {
                                Array.Resize(ref open, depth * 2);
                            }

                            open[depth++] = new OpenElement(reader.LocalName);
                        }

                        break;
                    case XmlNodeType.Text:
                    case XmlNodeType.CDATA:
                    case XmlNodeType.Whitespace:
                    case XmlNodeType.SignificantWhitespace:
                        if (depth > 0)
                        {
                            open[depth - 1].AppendText(reader.Value);
                        }

                        break;
                    case XmlNodeType.EndElement:
                        PgElement closed = open[--depth].ToElement();
                        open[depth] = default;
                        root = Close(open, depth, closed);
                        break;
                }
            }
            while (reader.Read());

            // Reading to the end made the parser reject unclosed elements and trailing garbage.
            return root ?? throw new XmlException("the document ends inside an element");
        }

        /// <summary>Adds a finished element to its parent (the innermost open one); returns it when it was the root.</summary>
        private static PgElement? Close(OpenElement[] open, int depth, PgElement element)
        {
            if (depth == 0)
            {
                return element;
            }

            open[depth - 1].AddChild(element);
            return null;
        }

        private static FreedomPayProtocolException Limit(string what, string problem) =>
            new FreedomPayProtocolException($"The {what} {problem}, more than any gateway message has; it was refused before reading further.");

        /// <summary>The first characters of the body, for error messages: decoded from a small prefix only.</summary>
        internal static string Preview(byte[] body, int length)
        {
            const int MaxChars = 120;
            int prefix = Math.Min(length, MaxChars * 4);
            string text = new UTF8Encoding(false, false).GetString(body, 0, prefix).Replace('\r', ' ').Replace('\n', ' ');
            return text.Length <= MaxChars && prefix == length ? "'" + text + "'" : "'" + text.Substring(0, Math.Min(text.Length, MaxChars)) + "...'";
        }

        /// <summary>
        /// An element whose end tag has not been read yet. Text is kept only until a child element appears (the
        /// gateway's elements hold text or children, never both); several text nodes are joined with a builder.
        /// </summary>
        private struct OpenElement(string name)
        {
            private List<PgElement>? _children;
            private string? _text;
            private StringBuilder? _builder;

            public void AppendText(string value)
            {
                if (_children is not null)
                {
                    return;
                }

                if (_text is null)
                {
                    _text = value;
                }
                else
                {
                    (_builder ??= new StringBuilder(_text)).Append(value);
                }
            }

            public void AddChild(PgElement child)
            {
                if (_children is null)
                {
                    _children = new List<PgElement>();
                    _text = null;
                    _builder = null;
                }

                _children.Add(child);
            }

            public readonly PgElement ToElement() => _children is not null
                ? new PgElement(name, string.Empty, _children)
                : new PgElement(name, _builder?.ToString() ?? _text ?? string.Empty);
        }
    }
}
