using System.Xml;

namespace FreedomPay.Runtime
{
    /// <summary>
    /// How much of an untrusted message is read before it is refused: bytes, nesting depth and element (or field)
    /// count. Gateway messages are a few kilobytes, a few levels deep and a few dozen elements long; the limits are
    /// far above that and far below what could stall or exhaust a process.
    /// </summary>
    internal sealed class MessageLimits
    {
        /// <summary>Deepest nesting read: the deepest gateway message (status with its refund list) has 3 levels.</summary>
        public const int DefaultMaxDepth = 32;

        /// <summary>Most elements read from a reply: a reply lists at most a few hundred items (cards, refunds).</summary>
        public const int DefaultMaxReplyElements = 10_000;

        /// <param name="maxBytes">The body's size cap, which bounds the characters the XML reader takes in.</param>
        /// <param name="maxElements">The most elements read.</param>
        public MessageLimits(int maxBytes, int maxElements)
        {
            MaxElements = maxElements;
            XmlSettings = new XmlReaderSettings
            {
                DtdProcessing = DtdProcessing.Prohibit,
                XmlResolver = null,
                IgnoreComments = true,
                IgnoreProcessingInstructions = true,
                // Whitespace is read (and dropped between elements): inside a leaf it is the value, and it is signed.
                IgnoreWhitespace = false,
                MaxCharactersInDocument = maxBytes,
                MaxCharactersFromEntities = 1024,
                CloseInput = true,
            };
        }

        /// <summary>Most elements (XML) or fields (forms) read.</summary>
        public int MaxElements { get; }

        /// <summary>Deepest nesting of elements.</summary>
        public int MaxDepth => DefaultMaxDepth;

        /// <summary>The XmlReader settings for these limits (shared: XmlReader only reads them).</summary>
        public XmlReaderSettings XmlSettings { get; }
    }
}
