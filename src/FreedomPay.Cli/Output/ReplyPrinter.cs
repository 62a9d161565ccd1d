using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.Json;
using FreedomPay.Runtime;

namespace FreedomPay.Cli.Output
{
    /// <summary>
    /// Prints a gateway reply: as "name  value" lines, or (--json) as one JSON object keyed by wire name, nested
    /// elements as objects and repeated ones as arrays. The salt and signature (the envelope) are left out; values the
    /// spec marks sensitive are masked as the client's logs mask them.
    /// </summary>
    internal static class ReplyPrinter
    {
        public static void Print(PgResponse reply, OperationDescriptor operation, bool json, TextWriter output)
        {
            IReadOnlyList<PgElement> elements = reply.Root.Children.Where(e => e.Name != operation.SaltField && e.Name != (operation.SignatureField ?? PgSignature.SignatureField)).ToList();
            if (json)
            {
                output.WriteLine(Json(elements));
                return;
            }

            int width = elements.Count == 0 ? 0 : elements.Max(e => e.Name.Length);
            foreach (PgElement element in elements)
            {
                WriteText(element, width, string.Empty, output);
            }
        }

        private static void WriteText(PgElement element, int width, string indent, TextWriter output)
        {
            if (element.Children.Count == 0)
            {
                output.WriteLine(indent + element.Name.PadRight(width) + "  " + Redaction.Apply(element.Sensitivity, element.Value));
                return;
            }

            output.WriteLine(indent + element.Name + ":");
            int inner = element.Children.Max(c => c.Name.Length);
            foreach (PgElement child in element.Children)
            {
                WriteText(child, inner, indent + "  ", output);
            }
        }

        private static string Json(IReadOnlyList<PgElement> elements)
        {
            using var buffer = new MemoryStream();
            using (var writer = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true }))
            {
                WriteObject(writer, elements);
            }

            return Encoding.UTF8.GetString(buffer.ToArray());
        }

        private static void WriteObject(Utf8JsonWriter writer, IReadOnlyList<PgElement> elements)
        {
            writer.WriteStartObject();
            foreach (var group in elements.GroupBy(e => e.Name))
            {
                writer.WritePropertyName(group.Key);
                if (group.Count() > 1)
                {
                    writer.WriteStartArray();
                    foreach (PgElement element in group)
                    {
                        WriteValue(writer, element);
                    }

                    writer.WriteEndArray();
                }
                else
                {
                    WriteValue(writer, group.First());
                }
            }

            writer.WriteEndObject();
        }

        private static void WriteValue(Utf8JsonWriter writer, PgElement element)
        {
            if (element.Children.Count > 0)
            {
                WriteObject(writer, element.Children);
            }
            else
            {
                writer.WriteStringValue(Redaction.Apply(element.Sensitivity, element.Value));
            }
        }
    }
}
