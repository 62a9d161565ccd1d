using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text.RegularExpressions;
using FreedomPay.Generator.Model;
using FreedomPay.Generator.Parsing;

namespace FreedomPay.Generator.Validation
{
    internal sealed partial class SpecBinder
    {
        private const string DefaultDateTimeFormat = "yyyy-MM-dd HH:mm:ss";

        private static readonly string[] RequestFieldKeys =
        {
            "type", "required", "name", "description", "max-length", "min-length", "min", "max", "pattern", "values", "enum",
            "format", "fill", "example", "verified", "note", "sensitive", "role",
        };

        private static readonly string[] RequestTypes = { "string", "integer", "decimal", "boolean", "enum", "datetime" };

        /// <summary>Members every generated request/response class already has.</summary>
        private static readonly string[] ResponseReserved = { "Raw", "RawXml", "Elements", "Message", "Parse", "GetType", "ToString", "Equals", "GetHashCode" };
        /// <summary>Members of every request: object's, FreedomPayRequest's (its table factories included) and the generated ones.</summary>
        private static readonly string[] RequestReserved =
        {
            "GetType", "ToString", "Equals", "GetHashCode", "MemberwiseClone", "Fields", "Accept", "FieldTable", "FromText",
            "TextField", "IntegerField", "DecimalField", "BooleanField", "EnumField", "DateTimeField", "ConstantField", "MerchantIdField",
            "SaltField", "SignatureField",
        };

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
                if (Resolve(written, _sharedFields, "fields", $"the request of operation '{operationName}'") is not { } entry)
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
                // "pg_order_id: string" is short for "pg_order_id: { type: string }".
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

                string shortName = Naming.ToPascalCase(wire);
                if (!CheckName(shortName, where, entry.Key.Span) || !members.ClaimMember(shortName, where, entry.Key.Span))
                {
                    return null;
                }

                return new RequestFieldModel(wire, shortName, type.Value, false, FillKind.None, null, null, type == FieldType.DateTime ? DefaultDateTimeFormat : null, ConstraintModel.None, null, true, null);
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
                foreach (string key in new[] { "type", "required", "name", "values", "enum", "min", "max", "min-length", "max-length", "pattern", "format", "sensitive", "role" })
                {
                    if (reader.Has(key))
                    {
                        _context.Report(DiagnosticDescriptors.InvalidValue, reader.Entry(key)!.Key.Span, key, where, "a field the client fills itself ('fill:') has no type, name or constraints of its own");
                    }
                }

                return new RequestFieldModel(wire, string.Empty, FieldType.String, true, fill, reader.String("description"), null, null, ConstraintModel.None, null, reader.Bool("verified", true), reader.String("note"));
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
                PaymentId: BindPaymentIdRole(reader, fieldType.Value, wire));
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
                default:
                    _context.Report(DiagnosticDescriptors.InvalidValue, reader.Node("fill")!.Span, fill, "fill", "use 'merchant-id' (from the client options), 'salt' (random per request) or 'signature' (pg_sig)");
                    return FillKind.None;
            }
        }

        private static string FillName(FillKind fill) => fill switch
        {
            FillKind.MerchantId => "merchant-id",
            FillKind.Salt => "salt",
            _ => "signature",
        };

        /// <summary>Reads type, enum values, date format and C# name, which requests and responses share.</summary>
        private (FieldType? Type, string? EnumType, string? Format, string? CsName) BindValueShape(MappingReader reader, string wire, string where, string operationName, string[] allowedTypes)
        {
            string? typeText = reader.String("type");
            FieldType? type;
            if (typeText is not null)
            {
                type = ParseType(typeText, reader.Node("type")!.Span, where, allowedTypes);
            }
            else if (reader.Has("values") || (reader.String("enum") is { } enumName && _declaredEnums.Contains(enumName)))
            {
                type = FieldType.Enum;
            }
            else if (reader.Has("elements") && allowedTypes.Contains("object"))
            {
                type = reader.Has("item") ? FieldType.List : FieldType.Object;
            }
            else
            {
                type = FieldType.String;
            }

            string csName = reader.String("name") ?? Naming.ToPascalCase(wire);
            bool nameOk = CheckName(csName, where, reader.Node("name")?.Span ?? reader.Owner);

            string? format = null;
            if (type == FieldType.DateTime)
            {
                format = reader.String("format") ?? DefaultDateTimeFormat;
                if (format.Trim().Length == 0)
                {
                    _context.Report(DiagnosticDescriptors.InvalidValue, reader.Node("format")?.Span ?? reader.Owner, format, "format", "give a .NET date format such as 'yyyy-MM-dd HH:mm:ss'");
                }
            }
            else if (reader.Has("format"))
            {
                _context.Report(DiagnosticDescriptors.ImpossibleConstraint, reader.Entry("format")!.Key.Span, wire, "'format' applies to datetime values only");
            }

            string? enumType = null;
            if (type == FieldType.Enum)
            {
                string name = reader.String("enum") ?? operationName + csName;
                enumType = !reader.Has("values") && _declaredEnums.Contains(name)
                    ? name
                    : BindEnum(reader, where, name, null, reader.Node("enum")?.Span ?? reader.Owner);
                if (enumType is null)
                {
                    return (null, null, null, null);
                }
            }
            else if (reader.Has("values") || reader.Has("enum"))
            {
                string key = reader.Has("values") ? "values" : "enum";
                _context.Report(DiagnosticDescriptors.ImpossibleConstraint, reader.Entry(key)!.Key.Span, wire, $"'{key}' applies to enum values only; remove it or set 'type: enum'");
            }

            return (type, enumType, format, nameOk ? csName : null);
        }

        private FieldType? ParseType(string text, SourceSpan span, string where, string[] allowed)
        {
            FieldType? type = text switch
            {
                "string" => FieldType.String,
                "integer" => FieldType.Integer,
                "decimal" => FieldType.Decimal,
                "boolean" => FieldType.Boolean,
                "enum" => FieldType.Enum,
                "datetime" => FieldType.DateTime,
                "object" => FieldType.Object,
                "list" => FieldType.List,
                _ => null,
            };
            if (type is null || !allowed.Contains(text))
            {
                string? suggestion = Naming.Suggest(text, allowed);
                string list = string.Join(", ", allowed) + (suggestion is null ? string.Empty : $"; did you mean '{suggestion}'?");
                _context.Report(DiagnosticDescriptors.UnknownType, span, text, where, list);
                return null;
            }

            return type;
        }

        /// <summary>Reads 'values', registers the enum under its name and returns that name (null when it is unusable).</summary>
        private string? BindEnum(MappingReader reader, string where, string enumName, string? description, SourceSpan nameSpan)
        {
            if (!CheckName(enumName, $"the enum of {where}", nameSpan))
            {
                return null;
            }

            YNode? valuesNode = reader.Node("values");
            var values = new List<EnumValueModel>();
            var wireSeen = new HashSet<string>(StringComparer.Ordinal);
            var names = new MemberNames(_context, enumName, "Unknown");
            void Add(YScalar wire, string csName, string? description, SourceSpan nameAt)
            {
                if (!wireSeen.Add(wire.Value))
                {
                    _context.Report(DiagnosticDescriptors.Duplicate, wire.Span, "Enum value", wire.Value, $"the values of {where}");
                    return;
                }

                if (CheckName(csName, $"enum value '{wire.Value}'", nameAt) && names.ClaimMember(csName, $"enum value '{wire.Value}'", nameAt))
                {
                    values.Add(new EnumValueModel(wire.Value, csName, description));
                }
            }

            switch (valuesNode)
            {
                case YSequence sequence:
                    foreach (YNode item in sequence.Items)
                    {
                        if (item is YScalar { IsNull: false } wire)
                        {
                            Add(wire, Naming.ToPascalCase(wire.Value), null, wire.Span);
                        }
                        else
                        {
                            reader.ReportWrongType("values", item, "a list of wire values");
                        }
                    }

                    break;
                case YMapping mapping:
                    foreach (YEntry entry in mapping.Entries)
                    {
                        switch (entry.Value)
                        {
                            case YScalar { IsNull: true }:
                                Add(entry.Key, Naming.ToPascalCase(entry.Key.Value), null, entry.Key.Span);
                                break;
                            case YScalar name:
                                Add(entry.Key, name.Value, null, name.Span);
                                break;
                            case YMapping details:
                                var detail = new MappingReader(_context, details, $"enum value '{entry.Key.Value}'", entry.Key.Span, new[] { "name", "description" });
                                Add(entry.Key, detail.String("name") ?? Naming.ToPascalCase(entry.Key.Value), detail.String("description"), detail.Node("name")?.Span ?? entry.Key.Span);
                                break;
                            default:
                                reader.ReportWrongType(entry.Key.Value, entry.Value, "a C# name or a mapping with 'name:' and 'description:'");
                                break;
                        }
                    }

                    break;
                case null:
                    break;
                default:
                    reader.ReportWrongType("values", valuesNode, "a list of wire values or a mapping of wire value to C# name");
                    return null;
            }

            if (values.Count == 0)
            {
                if (wireSeen.Count == 0)
                {
                    _context.Report(DiagnosticDescriptors.EmptyEnum, valuesNode?.Span ?? reader.Owner, where);
                }

                return null;
            }

            var model = new EnumModel(enumName, description, values.ToEquatableArray());
            if (!_enums.Contains(enumName) && !ClaimTypeName(enumName, $"the enum of {where}", nameSpan))
            {
                return null;
            }

            _enums.Register(model, where, nameSpan);
            return enumName;
        }

        private ConstraintModel BindConstraints(MappingReader reader, FieldType type, string wire)
        {
            int? minLength = reader.Int("min-length");
            int? maxLength = reader.Int("max-length");
            decimal? min = reader.Decimal("min");
            decimal? max = reader.Decimal("max");
            string? pattern = reader.String("pattern");

            void NotFor(string key, string appliesTo)
            {
                if (reader.Has(key))
                {
                    _context.Report(DiagnosticDescriptors.ImpossibleConstraint, reader.Entry(key)!.Key.Span, wire, $"'{key}' applies to {appliesTo} only, and this field is {type.ToString().ToLowerInvariant()}");
                }
            }

            if (type != FieldType.String)
            {
                NotFor("min-length", "strings");
                NotFor("max-length", "strings");
                NotFor("pattern", "strings");
                minLength = maxLength = null;
                pattern = null;
            }

            if (type != FieldType.Integer && type != FieldType.Decimal)
            {
                NotFor("min", "integer and decimal values");
                NotFor("max", "integer and decimal values");
                min = max = null;
            }

            if (minLength > maxLength)
            {
                _context.Report(DiagnosticDescriptors.ImpossibleConstraint, reader.Node("min-length")!.Span, wire, $"min-length {minLength} is greater than max-length {maxLength}");
            }

            if (maxLength == 0)
            {
                _context.Report(DiagnosticDescriptors.ImpossibleConstraint, reader.Node("max-length")!.Span, wire, "max-length 0 allows no value at all");
            }

            if (min > max)
            {
                _context.Report(DiagnosticDescriptors.ImpossibleConstraint, reader.Node("min")!.Span, wire, $"min {Invariant(min)} is greater than max {Invariant(max)}");
            }

            if (type == FieldType.Integer)
            {
                foreach (var (key, value) in new[] { ("min", min), ("max", max) })
                {
                    if (value is { } v && (decimal.Truncate(v) != v || v > long.MaxValue || v < long.MinValue))
                    {
                        _context.Report(DiagnosticDescriptors.ImpossibleConstraint, reader.Node(key)!.Span, wire, $"{key} {Invariant(v)} is not a whole number, but the field is an integer");
                    }
                }
            }

            if (pattern is not null)
            {
                try
                {
                    _ = new Regex(pattern, RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));
                }
                catch (ArgumentException ex)
                {
                    _context.Report(DiagnosticDescriptors.ImpossibleConstraint, reader.Node("pattern")!.Span, wire, "the pattern is not a valid regular expression: " + ex.Message);
                }
            }

            return new ConstraintModel(minLength, maxLength, Invariant(min), Invariant(max), pattern);
        }

        private static string? Invariant(decimal? value) => value?.ToString(CultureInfo.InvariantCulture);
    }
}
