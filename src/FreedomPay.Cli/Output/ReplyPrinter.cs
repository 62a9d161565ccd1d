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
    /// elements as objects and repeated ones as arrays. With --json, values are typed by the spec's reply shape: whole
    /// and decimal numbers as JSON numbers, 1/0 flags as true/false, an empty number as null, and an element the spec
    /// marks repeated is always an array (one item too), so a script reads the same types every time. The salt and
    /// signature (the envelope) are left out; values the spec marks sensitive are masked as the client's logs mask them.
    /// </summary>
    internal static class ReplyPrinter
    {
        public static void Print(PgResponse reply, OperationDescriptor operation, bool json, TextWriter output)
        {
            IReadOnlyList<PgElement> elements = reply.Root.Children.Where(e => e.Name != operation.SaltField && e.Name != (operation.SignatureField ?? PgSignature.SignatureField)).ToList();
            if (json)
            {
                output.WriteLine(Json(elements, operation.Reply));
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

        /// <summary>
        /// A failure as one JSON object, for scripts that asked for <c>--json</c>:
        /// <c>{"error":{"kind":"gateway","operation":..,"code":..,"description":..}}</c>; kind is gateway, validation,
        /// signature, protocol, network or outcome_unknown (the payment may have happened: check its status).
        /// </summary>
        public static void PrintError(FreedomPayException failure, TextWriter output)
        {
            using var buffer = new MemoryStream();
            using (var writer = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true }))
            {
                writer.WriteStartObject();
                writer.WriteStartObject("error");
                writer.WriteString("kind", failure switch
                {
                    FreedomPayGatewayException => "gateway",
                    FreedomPayValidationException => "validation",
                    FreedomPaySignatureException => "signature",
                    FreedomPayOutcomeUnknownException => "outcome_unknown",
                    FreedomPayNetworkException => "network",
                    _ => "protocol",
                });
                writer.WriteString("operation", failure.Operation);
                if (failure is FreedomPayGatewayException gateway)
                {
                    writer.WriteString("code", gateway.ErrorCode);
                    writer.WriteString("description", gateway.ErrorDescription);
                    writer.WriteBoolean("signed", gateway.IsSigned);
                }
                else
                {
                    writer.WriteString("description", failure.Message);
                }

                writer.WriteEndObject();
                writer.WriteEndObject();
            }

            output.WriteLine(Encoding.UTF8.GetString(buffer.ToArray()));
        }

        private static string Json(IReadOnlyList<PgElement> elements, IReadOnlyList<ReplyElement> shape)
        {
            using var buffer = new MemoryStream();
            using (var writer = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true }))
            {
                WriteObject(writer, elements, shape);
            }

            return Encoding.UTF8.GetString(buffer.ToArray());
        }

        /// <summary>Nested as deep as the reader allowed the reply (32 levels): recursion over it is bounded.</summary>
        private static void WriteObject(Utf8JsonWriter writer, IReadOnlyList<PgElement> elements, IReadOnlyList<ReplyElement> shape)
        {
            writer.WriteStartObject();
            foreach (var group in elements.GroupBy(e => e.Name))
            {
                ReplyElement? described = shape.FirstOrDefault(s => s.Name == group.Key);
                writer.WritePropertyName(group.Key);
                if (group.Count() > 1 || described is { Repeated: true })
                {
                    writer.WriteStartArray();
                    foreach (PgElement element in group)
                    {
                        WriteValue(writer, element, described);
                    }

                    writer.WriteEndArray();
                }
                else
                {
                    WriteValue(writer, group.First(), described);
                }
            }

            writer.WriteEndObject();
        }

        private static void WriteValue(Utf8JsonWriter writer, PgElement element, ReplyElement? described)
        {
            if (element.Children.Count > 0)
            {
                IReadOnlyList<ReplyElement> children = described?.Kind == ReplyElementKind.List ? new[] { described.Item! } : described?.Children ?? System.Array.Empty<ReplyElement>();
                WriteObject(writer, element.Children, children);
                return;
            }

            // --json is for scripts, which need the values (a saved card's token to pay with): printed as received.
            // The text output, for a person, masks what the spec calls sensitive; the signature is left out of both.
            string value = element.Value;
            if (described is null)
            {
                writer.WriteStringValue(value);
                return;
            }

            switch (described.Kind)
            {
                case ReplyElementKind.Integer or ReplyElementKind.Decimal when value.Length == 0:
                    writer.WriteNullValue();
                    break;
                case ReplyElementKind.Integer when long.TryParse(value, System.Globalization.NumberStyles.AllowLeadingSign, System.Globalization.CultureInfo.InvariantCulture, out long whole):
                    writer.WriteNumberValue(whole);
                    break;
                case ReplyElementKind.Decimal when decimal.TryParse(value, System.Globalization.NumberStyles.AllowLeadingSign | System.Globalization.NumberStyles.AllowDecimalPoint, System.Globalization.CultureInfo.InvariantCulture, out decimal number):
                    writer.WriteNumberValue(number);
                    break;
                case ReplyElementKind.Boolean when value is "1" or "0":
                    writer.WriteBooleanValue(value == "1");
                    break;
                default:
                    writer.WriteStringValue(value); // text, enums, dates, and numbers that do not read as one
                    break;
            }
        }
    }
}
