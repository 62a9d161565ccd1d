using System.Collections.Generic;
using System.Linq;
using FreedomPay.Generator.Model;
using FreedomPay.Generator.Parsing;

namespace FreedomPay.Generator.Binding
{
    internal sealed partial class SpecBinder
    {
        private static readonly string[] ElementKeys =
        {
            "type", "required", "name", "description", "values", "enum", "format", "repeated", "elements", "item", "item-type",
            "class", "example", "verified", "note", "sensitive", "role",
        };

        private static readonly string[] ElementTypes = { "string", "integer", "decimal", "boolean", "enum", "datetime", "datetime-offset", "date", "object", "list" };
        private static readonly string[] ItemTypes = { "string", "integer", "decimal", "boolean", "datetime", "datetime-offset", "date" };

        /// <summary>Binds the child elements under <paramref name="key"/> of a response or of an object element.</summary>
        private EquatableArray<ResponseElementModel> BindElements(MappingReader owner, string key, string operationName, string className, string where)
        {
            YMapping? mapping = owner.MappingValue(key);
            if (mapping is null)
            {
                return EquatableArray<ResponseElementModel>.Empty;
            }

            var members = new MemberNames(_context, className, ResponseReserved);
            var elements = new List<ResponseElementModel>();
            YEntry? paymentId = null;
            foreach (YEntry written in mapping.Entries)
            {
                if (Resolve(written, _scope.SharedElements, "elements", where) is not { } entry)
                {
                    continue;
                }

                if (!CheckWireName(entry.Key) || !members.ClaimWire(entry.Key.Value, entry.Key.Span))
                {
                    continue;
                }

                ResponseElementModel? element = BindElement(entry, operationName, members, where);
                if (element is not null && (!element.PaymentId || ClaimPaymentId(ref paymentId, entry, where)))
                {
                    elements.Add(element);
                }
            }

            return elements.ToEquatableArray();
        }

        private ResponseElementModel? BindElement(YEntry entry, string operationName, MemberNames members, string parentWhere)
        {
            string wire = entry.Key.Value;
            string where = $"element '{wire}' of {parentWhere}";
            if (entry.Value is YScalar { IsNull: false } shorthand)
            {
                return BindShorthandElement(entry, shorthand, members, where);
            }

            if (entry.Value is not YMapping mapping)
            {
                _context.Report(DiagnosticDescriptors.WrongType, entry.Value.Span, wire, parentWhere, "a type name or a mapping describing the element", MappingReader.Describe(entry.Value));
                return null;
            }

            var reader = new MappingReader(_context, mapping, where, entry.Key.Span, ElementKeys);
            var (type, enumType, format, csName) = BindValueShape(reader, wire, where, operationName, ElementTypes);
            if (type is not { } fieldType || csName is null || !members.ClaimMember(csName, where, reader.Node("name")?.Span ?? entry.Key.Span))
            {
                return null;
            }

            bool repeated = reader.Bool("repeated", false);
            CheckRepetition(reader, wire, fieldType, repeated);
            if (BindElementContent(reader, entry, where, operationName, fieldType, csName) is not { } content)
            {
                return null;
            }

            return new ResponseElementModel(
                WireName: wire,
                CsName: csName,
                Type: fieldType,
                Required: reader.Bool("required", false),
                Repeated: repeated,
                Description: reader.String("description"),
                EnumType: enumType,
                Format: fieldType == FieldType.List && content.ItemType != FieldType.Object ? content.ItemFormat : format,
                ClassName: content.ClassName,
                ItemElement: content.ItemElement,
                ItemType: content.ItemType,
                Children: content.Children,
                Verified: reader.Bool("verified", true),
                Note: reader.String("note"),
                Sensitive: BindSensitivity(reader),
                PaymentId: BindPaymentIdRole(reader, fieldType, wire),
                Example: reader.String("example"));
        }

        /// <summary>An element written as its type alone (<c>pg_amount: decimal</c>).</summary>
        private ResponseElementModel? BindShorthandElement(YEntry entry, YScalar shorthand, MemberNames members, string where)
        {
            string wire = entry.Key.Value;
            FieldType? type = ParseType(shorthand.Value, shorthand.Span, where, ItemTypes);
            string csName = Naming.ToPascalCase(wire);
            if (type is null || !CheckName(csName, where, entry.Key.Span) || !members.ClaimMember(csName, where, entry.Key.Span))
            {
                return null;
            }

            return new ResponseElementModel(
                WireName: wire,
                CsName: csName,
                Type: type.Value,
                Required: false,
                Repeated: false,
                Description: null,
                EnumType: null,
                Format: DefaultFormat(type.Value),
                ClassName: null,
                ItemElement: null,
                ItemType: FieldType.String,
                Children: EquatableArray<ResponseElementModel>.Empty,
                Verified: true,
                Note: null);
        }

        /// <summary>Reports <c>repeated:</c> where it cannot mean anything (reported, the element is still bound).</summary>
        private void CheckRepetition(MappingReader reader, string wire, FieldType fieldType, bool repeated)
        {
            if (repeated && fieldType == FieldType.List)
            {
                // A list already holds its items; repeating the wrapper too would be a list of lists, which no reply has.
                _context.Report(DiagnosticDescriptors.ImpossibleConstraint, reader.Entry("repeated")!.Key.Span, wire, "a 'type: list' already holds its items; remove 'repeated' (or describe the element as repeated instead of as a list)");
            }

            if (_scope.Encoding == RequestEncoding.Json && fieldType == FieldType.List)
            {
                // A JSON array has no item element names: it is read as the property repeated.
                _context.Report(DiagnosticDescriptors.ImpossibleConstraint, reader.Node("type")!.Span, wire, "a JSON reply's array is read as the property repeated once per item; describe it with 'repeated: true' (and 'elements:' for objects) instead of 'type: list'");
            }

            if (repeated && reader.Bool("required", false))
            {
                // Read as a list that is empty when absent: "required" could never be checked.
                _context.Report(DiagnosticDescriptors.ImpossibleConstraint, reader.Entry("required")!.Key.Span, wire, "a repeated element is read as a list, empty when absent, so 'required' cannot be checked; remove it");
            }
        }

        /// <summary>What an element holds besides its value: a list's items, an object's class and children.</summary>
        /// <param name="ItemFormat">The format of a list's value items (their type's default: null but for dates).</param>
        private readonly record struct ElementContent(string? ClassName, string? ItemElement, FieldType ItemType, EquatableArray<ResponseElementModel> Children, string? ItemFormat);

        /// <summary>The content of a list or object element (keys that only those take are reported elsewhere); null after an error.</summary>
        private ElementContent? BindElementContent(MappingReader reader, YEntry entry, string where, string operationName, FieldType fieldType, string csName)
        {
            string wire = entry.Key.Value;
            var content = new ElementContent(null, null, FieldType.String, EquatableArray<ResponseElementModel>.Empty, null);
            if (fieldType == FieldType.List)
            {
                if (BindListItem(reader, entry, where, operationName) is not { } item)
                {
                    return null;
                }

                content = item;
            }
            else if (fieldType == FieldType.Object)
            {
                content = content with { ClassName = reader.String("class") ?? operationName + csName };
                foreach (string key in new[] { "item", "item-type" }.Where(reader.Has))
                {
                    _context.Report(DiagnosticDescriptors.ImpossibleConstraint, reader.Entry(key)!.Key.Span, wire, $"'{key}' applies to 'type: list' only; an object's children are its 'elements'");
                }
            }
            else
            {
                foreach (string key in new[] { "elements", "item", "item-type", "class" }.Where(reader.Has))
                {
                    _context.Report(DiagnosticDescriptors.ImpossibleConstraint, reader.Entry(key)!.Key.Span, wire, $"'{key}' applies to object and list elements only");
                }
            }

            if (content.ClassName is not { } className)
            {
                return content;
            }

            SourceSpan classSpan = reader.Node("class")?.Span ?? entry.Key.Span;
            if (!CheckName(className, "the class of " + where, classSpan) || !ClaimTypeName(className, "the class of " + where, classSpan, ClassRemedy(reader.Has("class"))))
            {
                return null;
            }

            if (!reader.Has("elements"))
            {
                _context.Report(DiagnosticDescriptors.MissingKey, entry.Key.Span, where, "elements");
                return null;
            }

            return content with { Children = BindElements(reader, "elements", operationName, className, where) };
        }

        /// <summary>A list's item: objects (<c>elements:</c>, with a class) or values (<c>item-type:</c>).</summary>
        private ElementContent? BindListItem(MappingReader reader, YEntry entry, string where, string operationName)
        {
            string? itemElement = reader.String("item");
            if (itemElement is null)
            {
                reader.ReportMissing("item");
                return null;
            }

            if (reader.Has("elements"))
            {
                string className = reader.String("class") ?? operationName + Naming.ToPascalCase(itemElement);
                return new ElementContent(className, itemElement, FieldType.Object, EquatableArray<ResponseElementModel>.Empty, null);
            }

            string? itemTypeText = reader.String("item-type");
            if (itemTypeText is null)
            {
                _context.Report(DiagnosticDescriptors.MissingKey, entry.Key.Span, where, "elements' or 'item-type");
                return null;
            }

            if (ParseType(itemTypeText, reader.Node("item-type")!.Span, where, ItemTypes) is not { } scalarItem)
            {
                return null;
            }

            // Date items are read in their type's default format.
            return new ElementContent(null, itemElement, scalarItem, EquatableArray<ResponseElementModel>.Empty, DefaultFormat(scalarItem));
        }
    }
}
