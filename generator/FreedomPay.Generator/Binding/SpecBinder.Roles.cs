using FreedomPay.Generator.Model;
using FreedomPay.Generator.Parsing;

namespace FreedomPay.Generator.Binding
{
    internal sealed partial class SpecBinder
    {
        /// <summary>
        /// <c>sensitive:</c> of a field or element: <c>true</c> (never shown), <c>partial</c> (first four and last two
        /// characters, for phone numbers) or <c>false</c>.
        /// </summary>
        private Sensitivity BindSensitivity(MappingReader reader)
        {
            if (reader.Node("sensitive") is not YScalar { IsNull: false } node)
            {
                if (reader.Has("sensitive"))
                {
                    reader.ReportWrongType("sensitive", reader.Node("sensitive")!, "true, false or partial");
                }

                return Sensitivity.None;
            }

            switch (node.Value)
            {
                case "true":
                    return Sensitivity.Hidden;
                case "partial":
                    return Sensitivity.Partial;
                case "false":
                    return Sensitivity.None;
                default:
                    _context.Report(DiagnosticDescriptors.InvalidValue, node.Span, node.Value, "sensitive", "use true (never shown), partial (first four and last two characters shown) or false");
                    return Sensitivity.None;
            }
        }

        /// <summary><c>role: payment-id</c>: the value that identifies the payment in logs and traces (text or integer).</summary>
        private bool BindPaymentIdRole(MappingReader reader, FieldType type, string wire)
        {
            string? role = reader.String("role");
            if (role is null)
            {
                return false;
            }

            if (role != "payment-id")
            {
                _context.Report(DiagnosticDescriptors.InvalidValue, reader.Node("role")!.Span, role, "role", "the only role is 'payment-id' (the merchant id, salt and signature are set with 'fill:')");
                return false;
            }

            if (type != FieldType.Integer && type != FieldType.String)
            {
                _context.Report(DiagnosticDescriptors.ImpossibleConstraint, reader.Node("role")!.Span, wire, "a payment id is text or an integer");
                return false;
            }

            return true;
        }

        /// <summary>One payment id per request or reply: the second is reported at its name.</summary>
        private bool ClaimPaymentId(ref YEntry? first, YEntry entry, string where)
        {
            if (first is not null)
            {
                _context.Report(DiagnosticDescriptors.Duplicate, entry.Key.Span, "Payment id ('role: payment-id')", entry.Key.Value, $"{where}, after '{first.Key.Value}'");
                return false;
            }

            first = entry;
            return true;
        }
    }
}
