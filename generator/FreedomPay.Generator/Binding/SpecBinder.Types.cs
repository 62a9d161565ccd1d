using System.Linq;
using FreedomPay.Generator.Model;

namespace FreedomPay.Generator.Binding
{
    /// <summary>Value shapes request fields and reply elements share: type, enum, date format, C# name.</summary>
    internal sealed partial class SpecBinder
    {
        /// <summary>Reads type, enum values, date format and C# name, which requests and responses share.</summary>
        private (FieldType? Type, string? EnumType, string? Format, string? CsName) BindValueShape(MappingReader reader, string wire, string where, string operationName, string[] allowedTypes)
        {
            string? typeText = reader.String("type");
            FieldType? type;
            if (typeText is not null)
            {
                type = ParseType(typeText, reader.Node("type")!.Span, where, allowedTypes);
            }
            else if (reader.Has("values") || (reader.String("enum") is { } enumName && _scope.IsDeclaredEnum(enumName)))
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
            if (type is FieldType.DateTime or FieldType.DateTimeOffset or FieldType.Date)
            {
                format = reader.String("format") ?? DefaultFormat(type.Value)!;
                if (format.Trim().Length == 0)
                {
                    _context.Report(DiagnosticDescriptors.MalformedValue, reader.Node("format")?.Span ?? reader.Owner, format, "format", "give a .NET date format such as 'yyyy-MM-dd HH:mm:ss'");
                }
            }
            else if (reader.Has("format"))
            {
                _context.Report(DiagnosticDescriptors.ImpossibleConstraint, reader.Entry("format")!.Key.Span, wire, "'format' applies to datetime, datetime-offset and date values only");
            }

            string? enumType = null;
            if (type == FieldType.Enum)
            {
                string name = reader.String("enum") ?? operationName + csName;
                enumType = !reader.Has("values") && _scope.IsDeclaredEnum(name)
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
                "datetime-offset" => FieldType.DateTimeOffset,
                "date" => FieldType.Date,
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
    }
}
