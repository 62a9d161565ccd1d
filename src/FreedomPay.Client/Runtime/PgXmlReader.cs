using System.Collections.Generic;
using System.IO;
using System.Xml;

namespace FreedomPay.Runtime
{
    /// <summary>
    /// Reads a gateway reply with <see cref="XmlReader"/> (no XmlSerializer, no reflection): any root name, every
    /// element kept in order, nested elements as children. DTDs and external entities are refused.
    /// </summary>
    internal static class PgXmlReader
    {
        private static readonly XmlReaderSettings Settings = new XmlReaderSettings
        {
            DtdProcessing = DtdProcessing.Prohibit,
            XmlResolver = null,
            IgnoreComments = true,
            IgnoreProcessingInstructions = true,
            IgnoreWhitespace = true,
            MaxCharactersInDocument = 4 * 1024 * 1024,
            CloseInput = true,
        };

        public static PgResponse Read(byte[] body)
        {
            try
            {
                using XmlReader reader = XmlReader.Create(new MemoryStream(body, writable: false), Settings);
                reader.MoveToContent();
                if (reader.NodeType != XmlNodeType.Element)
                {
                    throw new XmlException("no root element");
                }

                PgElement root = ReadElement(reader);
                while (reader.Read())
                {
                    // Reading to the end makes the parser reject trailing garbage after the root element.
                }

                return new PgResponse(root, body);
            }
            catch (XmlException ex)
            {
                throw new FreedomPayProtocolException($"The reply is not well-formed XML ({ex.Message}). It starts with: {Preview(body)}", ex);
            }
        }

        /// <summary>Reads the element the reader is on, and leaves the reader after its end.</summary>
        private static PgElement ReadElement(XmlReader reader)
        {
            string name = reader.LocalName;
            if (reader.IsEmptyElement)
            {
                reader.Read();
                return new PgElement(name, string.Empty);
            }

            List<PgElement>? children = null;
            string text = string.Empty;
            reader.Read();
            while (reader.NodeType != XmlNodeType.EndElement)
            {
                switch (reader.NodeType)
                {
                    case XmlNodeType.Element:
                        (children ??= new List<PgElement>()).Add(ReadElement(reader));
                        break;
                    case XmlNodeType.Text:
                    case XmlNodeType.CDATA:
                    case XmlNodeType.SignificantWhitespace:
                        text += reader.Value;
                        reader.Read();
                        break;
                    case XmlNodeType.None:
                        throw new XmlException($"the document ends inside <{name}>");
                    default:
                        reader.Read();
                        break;
                }
            }

            reader.Read();
            return children is null ? new PgElement(name, text) : new PgElement(name, string.Empty, children);
        }

        private static string Preview(byte[] body)
        {
            string text;
            try
            {
                text = new StreamReader(new MemoryStream(body)).ReadToEnd();
            }
            catch (IOException)
            {
                return "(unreadable)";
            }

            text = text.Replace('\r', ' ').Replace('\n', ' ');
            return text.Length <= 120 ? "'" + text + "'" : "'" + text.Substring(0, 120) + "...'";
        }
    }
}
