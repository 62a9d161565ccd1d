using System.Collections.Generic;
using FreedomPay.Generator.Model;
using FreedomPay.Generator.Parsing;

namespace FreedomPay.Generator.Binding
{
    internal sealed partial class SpecBinder
    {
        private const string DefaultDateTimeFormat = "yyyy-MM-dd HH:mm:ss";

        /// <summary>ISO 8601 with the offset, as the payout replies show it: <c>2024-09-02T12:19:01+00:00</c>.</summary>
        private const string DefaultDateTimeOffsetFormat = "yyyy-MM-dd'T'HH:mm:sszzz";

        /// <summary>The wire format a date-time type has when the spec names none; null for other types.</summary>
        private static string? DefaultFormat(FieldType type) => type switch
        {
            FieldType.DateTime => DefaultDateTimeFormat,
            FieldType.DateTimeOffset => DefaultDateTimeOffsetFormat,
            FieldType.Date => "yyyy-MM-dd",
            _ => null,
        };

        private static readonly string[] RequestFieldKeys =
        {
            "type", "required", "name", "description", "max-length", "min-length", "min", "max", "scale", "pattern", "values", "enum",
            "format", "fill", "example", "verified", "note", "sensitive", "role", "fields", "class", "max-items", "deprecated", "check", "posted-as",
        };

        private static readonly string[] RequestTypes = { "string", "integer", "decimal", "boolean", "enum", "datetime", "datetime-offset", "date", "list", "object" };

        /// <summary>Members every generated response (and reply object) class already has, its shape factories included.</summary>
        private static readonly ReservedNames ResponseReserved = new ReservedNames(
            "Raw", "RawXml", "RequestId", "Elements", "Message", "Parse", "Shape", "ValuesOf", "ReplyKind", "ExtraParams", "GetType", "ToString", "Equals", "GetHashCode",
            "TextElement", "IntegerElement", "DecimalElement", "BooleanElement", "EnumElement", "DateTimeElement", "DateTimeOffsetElement", "ObjectElement", "ListElement");

        /// <summary>Members of every request: object's, FreedomPayRequest's (its table factories included) and the generated ones.</summary>
        private static readonly ReservedNames RequestReserved = new ReservedNames(
            "GetType", "ToString", "Equals", "GetHashCode", "MemberwiseClone", "Fields", "Accept", "FieldTable", "FromText",
            "TextField", "IntegerField", "DecimalField", "BooleanField", "EnumField", "DateTimeField", "DateTimeOffsetField", "ConstantField",
            "MerchantIdField", "SaltField", "SignatureField", "ExtraParams", "AsDateTime", "FromPostedForm", "PostedValues", "RequestId");

        private EquatableArray<RequestFieldModel> BindRequest(MappingReader operation, string operationName, MemberNames members)
        {
            YMapping? mapping = operation.MappingValue("request");
            List<YEntry> entries = RequestEntries(operation, mapping);
            if (entries.Count == 0)
            {
                return EquatableArray<RequestFieldModel>.Empty;
            }

            var fills = new Dictionary<FillKind, YEntry>();
            YEntry? paymentId = null;
            var fields = new List<RequestFieldModel>();
            foreach (YEntry written in entries)
            {
                if (Resolve(written, _scope.SharedFields, "fields", $"the request of operation '{operationName}'") is not { } entry)
                {
                    continue;
                }

                if (!CheckWireName(entry.Key) || !members.ClaimWire(entry.Key.Value, entry.Key.Span))
                {
                    continue;
                }

                RequestFieldModel? field = BindRequestField(entry, operationName, members);
                if (field is null)
                {
                    continue;
                }

                if (field.Fill != FillKind.None)
                {
                    if (fills.TryGetValue(field.Fill, out YEntry? first))
                    {
                        _context.Report(DiagnosticDescriptors.SignatureRule, entry.Key.Span, operationName, $"'{entry.Key.Value}' and '{first.Key.Value}' both say 'fill: {FillName(field.Fill)}'; only one field can be filled that way");
                        continue;
                    }

                    fills.Add(field.Fill, entry);
                }

                if (field.PaymentId && !ClaimPaymentId(ref paymentId, entry, $"the request of operation '{operationName}'"))
                {
                    continue;
                }

                fields.Add(field);
            }

            return fields.ToEquatableArray();
        }

        private RequestFieldModel? BindRequestField(YEntry entry, string operationName, MemberNames members)
        {
            string wire = entry.Key.Value;
            string where = $"field '{wire}' of operation '{operationName}'";
            if (entry.Value is YScalar { IsNull: false } shorthand)
            {
                return BindShorthandField(entry, shorthand, members, where);
            }

            if (entry.Value is not YMapping mapping)
            {
                _context.Report(DiagnosticDescriptors.WrongType, entry.Value.Span, wire, $"the request of operation '{operationName}'", "a type name or a mapping describing the field", MappingReader.Describe(entry.Value));
                return null;
            }

            var reader = new MappingReader(_context, mapping, where, entry.Key.Span, RequestFieldKeys);
            FillKind fill = ParseFill(reader);
            if (fill != FillKind.None)
            {
                return BindFilledField(reader, wire, where, fill);
            }

            var (fieldType, enumType, format, csName) = BindValueShape(reader, wire, where, operationName, RequestTypes);
            if (fieldType is null || csName is null)
            {
                return null;
            }

            if (!members.ClaimMember(csName, where, reader.Entry("name")?.Value.Span ?? entry.Key.Span))
            {
                return null;
            }

            ConstraintModel constraints = BindConstraints(reader, fieldType.Value, wire);
            (string? className, int? maxItems) = BindRequestClass(reader, fieldType.Value, wire, csName, where, operationName);
            if (fieldType is FieldType.List or FieldType.Object && className is null)
            {
                return null;
            }

            return new RequestFieldModel(
                WireName: wire,
                CsName: csName,
                Type: fieldType.Value,
                Required: reader.Bool("required", false),
                Fill: FillKind.None,
                Description: reader.String("description"),
                EnumType: enumType,
                Format: format,
                Constraints: constraints,
                Example: reader.String("example"),
                Verified: reader.Bool("verified", true),
                Note: reader.String("note"),
                Sensitive: BindSensitivity(reader),
                PaymentId: BindPaymentIdRole(reader, fieldType.Value, wire),
                ClassName: className,
                MaxItems: maxItems,
                Deprecated: BindDeprecated(reader, where, required: reader.Bool("required", false)),
                PostedAs: BindPostedAs(reader, fieldType.Value, wire));
        }

        /// <summary><c>posted-as: PaRes</c>: the form field name a page posts this string value back as.</summary>
        private string? BindPostedAs(MappingReader reader, FieldType type, string wire)
        {
            if (reader.String("posted-as") is not { } name)
            {
                return null;
            }

            if (type != FieldType.String)
            {
                _context.Report(DiagnosticDescriptors.ImpossibleConstraint, reader.Entry("posted-as")!.Key.Span, wire, "a page posts text: 'posted-as' applies to string fields only");
                return null;
            }

            if (!IsFormName(name))
            {
                _context.Report(DiagnosticDescriptors.MalformedValue, reader.Node("posted-as")!.Span, name, "posted-as", "a form field name is letters, digits, '_' and '-'");
                return null;
            }

            return name;
        }

        /// <summary>"pg_order_id: string" is short for "pg_order_id: { type: string }": a scalar type only.</summary>
        private RequestFieldModel? BindShorthandField(YEntry entry, YScalar shorthand, MemberNames members, string where)
        {
            string wire = entry.Key.Value;
            FieldType? type = ParseType(shorthand.Value, shorthand.Span, where, RequestTypes);
            if (type is null)
            {
                return null;
            }

            if (type == FieldType.Enum)
            {
                _context.Report(DiagnosticDescriptors.EmptyEnum, shorthand.Span, where);
                return null;
            }

            if (type is FieldType.List or FieldType.Object)
            {
                _context.Report(DiagnosticDescriptors.MissingKey, shorthand.Span, where, "fields");
                return null;
            }

            string csName = Naming.ToPascalCase(wire);
            if (!CheckName(csName, where, entry.Key.Span) || !members.ClaimMember(csName, where, entry.Key.Span))
            {
                return null;
            }

            return new RequestFieldModel(
                WireName: wire,
                CsName: csName,
                Type: type.Value,
                Required: false,
                Fill: FillKind.None,
                Description: null,
                EnumType: null,
                Format: DefaultFormat(type.Value),
                Constraints: ConstraintModel.None,
                Example: null,
                Verified: true,
                Note: null);
        }

        /// <summary>A field the client fills itself (<c>fill:</c>): it has no type, name or constraints of its own.</summary>
        private RequestFieldModel BindFilledField(MappingReader reader, string wire, string where, FillKind fill)
        {
            foreach (string key in new[] { "type", "required", "name", "values", "enum", "min", "max", "min-length", "max-length", "pattern", "format", "sensitive", "role", "deprecated", "check", "posted-as" })
            {
                if (reader.Has(key))
                {
                    _context.Report(DiagnosticDescriptors.KeyNotHere, reader.Entry(key)!.Key.Span, key, where, "a field the client fills itself ('fill:') has no type, name or constraints of its own");
                }
            }

            return new RequestFieldModel(
                WireName: wire,
                CsName: string.Empty,
                Type: FieldType.String,
                Required: true,
                Fill: fill,
                Description: reader.String("description"),
                EnumType: null,
                Format: null,
                Constraints: ConstraintModel.None,
                Example: null,
                Verified: reader.Bool("verified", true),
                Note: reader.String("note"));
        }

        /// <summary>
        /// <c>deprecated: text</c> on an operation or a caller's field: the text says what to use instead. It must say
        /// something, and a required field cannot be deprecated (every caller must still set it).
        /// </summary>
        private string? BindDeprecated(MappingReader reader, string where, bool required = false)
        {
            if (reader.Entry("deprecated") is not { } entry)
            {
                return null;
            }

            string? text = reader.String("deprecated");
            if (string.IsNullOrWhiteSpace(text))
            {
                _context.Report(DiagnosticDescriptors.MalformedValue, entry.Value.Span, MappingReader.Describe(entry.Value).Trim('\''), "deprecated", $"say what to use instead of {where} (the text becomes its [Obsolete] message)");
                return null;
            }

            if (required)
            {
                _context.Report(DiagnosticDescriptors.ImpossibleConstraint, entry.Key.Span, where, "a required field cannot be deprecated: every caller must still set it; make it optional first");
                return null;
            }

            return text!.Trim();
        }

        private FillKind ParseFill(MappingReader reader)
        {
            string? fill = reader.String("fill");
            switch (fill)
            {
                case null:
                    return FillKind.None;
                case "merchant-id":
                    return FillKind.MerchantId;
                case "salt":
                    return FillKind.Salt;
                case "signature":
                    return FillKind.Signature;
                case "request-id":
                    return FillKind.RequestId;
                default:
                    _context.Report(DiagnosticDescriptors.InvalidValue, reader.Node("fill")!.Span, fill, "fill", "use 'merchant-id' (from the client options), 'salt' (random per request), 'signature' (pg_sig) or 'request-id' (a UUID per call)");
                    return FillKind.None;
            }
        }

        private static string FillName(FillKind fill) => fill switch
        {
            FillKind.MerchantId => "merchant-id",
            FillKind.Salt => "salt",
            FillKind.RequestId => "request-id",
            _ => "signature",
        };
    }
}
