using System.Collections.Generic;
using System.Linq;
using System.Text;

namespace FreedomPay.Generator.Emit
{
    /// <summary>Turning spec text into C# literals and XML doc lines.</summary>
    internal static class CSharpText
    {
        /// <summary>A regular C# string literal: <c>"..."</c> with escapes.</summary>
        public static string Literal(string value)
        {
            if (!NeedsEscape(value))
            {
                return "\"" + value + "\""; // most wire names and texts: one string, no builder
            }

            var builder = new StringBuilder(value.Length + 2);
            builder.Append('"');
            foreach (char c in value)
            {
                switch (c)
                {
                    case '"': builder.Append("\\\""); break;
                    case '\\': builder.Append("\\\\"); break;
                    case '\n': builder.Append("\\n"); break;
                    case '\r': builder.Append("\\r"); break;
                    case '\t': builder.Append("\\t"); break;
                    case '\0': builder.Append("\\0"); break;
                    default:
                        if (char.IsControl(c) || c == '\u2028' || c == '\u2029')
                        {
                            builder.Append("\\u").Append(((int)c).ToString("x4", System.Globalization.CultureInfo.InvariantCulture));
                        }
                        else
                        {
                            builder.Append(c);
                        }

                        break;
                }
            }

            return builder.Append('"').ToString();
        }

        private static bool NeedsEscape(string value)
        {
            foreach (char c in value)
            {
                if (c == '"' || c == '\\' || char.IsControl(c) || c == '\u2028' || c == '\u2029')
                {
                    return true;
                }
            }

            return false;
        }

        public static string XmlEscape(string text) => text.Replace("&", "&amp;").Replace("<", "&lt;").Replace(">", "&gt;");

        /// <summary>
        /// Spec text as XML-escaped paragraphs: lines of one paragraph are joined with spaces, blank lines separate
        /// paragraphs (YAML block text keeps the author's line breaks; doc comments should not).
        /// </summary>
        public static List<string> Paragraphs(string? text)
        {
            var paragraphs = new List<string>();
            if (string.IsNullOrWhiteSpace(text))
            {
                return paragraphs;
            }

            var current = new StringBuilder();
            foreach (string rawLine in text!.Replace("\r\n", "\n").Split('\n'))
            {
                string line = rawLine.Trim();
                if (line.Length == 0)
                {
                    Flush();
                    continue;
                }

                current.Append(current.Length == 0 ? string.Empty : " ").Append(line);
            }

            Flush();
            return paragraphs;

            void Flush()
            {
                if (current.Length > 0)
                {
                    paragraphs.Add(XmlEscape(current.ToString()));
                    current.Clear();
                }
            }
        }

        /// <summary>
        /// A doc comment: <c>&lt;summary&gt;</c> with the first paragraph, then <c>&lt;remarks&gt;</c> with the rest, each on
        /// one line (several remarks as <c>&lt;para&gt;</c>s). All strings are XML already: escape spec text with
        /// <see cref="Paragraphs"/>.
        /// </summary>
        public static List<string> Doc(IEnumerable<string> summary, IEnumerable<string?> remarks)
        {
            var doc = new List<string> { "<summary>" + string.Join(" ", summary) + "</summary>" };
            var paragraphs = remarks.Where(r => !string.IsNullOrEmpty(r)).ToList();
            if (paragraphs.Count == 1)
            {
                doc.Add("<remarks>" + paragraphs[0] + "</remarks>");
            }
            else if (paragraphs.Count > 1)
            {
                doc.Add("<remarks>");
                doc.AddRange(paragraphs.Select(p => "<para>" + p + "</para>"));
                doc.Add("</remarks>");
            }

            return doc;
        }

        /// <summary>One-line summary (XML already) and optional remark paragraphs.</summary>
        public static List<string> Doc(string summary, params string?[] remarks) => Doc(new[] { summary }, remarks);

        public static string Bool(bool value) => value ? "true" : "false";

        public static string Code(string text) => "<c>" + XmlEscape(text) + "</c>";
    }
}
