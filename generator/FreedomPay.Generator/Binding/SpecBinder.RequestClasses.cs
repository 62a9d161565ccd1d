using System;
using System.Collections.Generic;
using System.Linq;
using FreedomPay.Generator.Model;
using FreedomPay.Generator.Parsing;

namespace FreedomPay.Generator.Binding
{
    /// <summary>
    /// Lists and nested objects in requests (<c>type: list</c> / <c>type: object</c> with <c>fields:</c>): each gets
    /// a generated class of its own fields, bound like a request's and sent under the parent's form name. A field
    /// declared once under the area's <c>fields:</c> and used by several operations yields one class.
    /// </summary>
    internal sealed partial class SpecBinder
    {
        /// <summary>How deep lists and objects may nest in a request (a list whose items hold an object is 2).</summary>
        private const int MaxRequestNesting = 3;

        private static readonly string[] RequestClassKeys = { "fields", "class", "max-items" };

        /// <summary>Classes by name with the <c>fields:</c> node that defined them (the same node bound again is shared).</summary>
        private readonly Dictionary<string, (SourceSpan Definition, RequestClassModel? Model)> _requestClasses =
            new Dictionary<string, (SourceSpan Definition, RequestClassModel? Model)>(StringComparer.Ordinal);

        private readonly List<string> _requestClassOrder = new List<string>();
        private int _requestNesting;

        /// <summary>The class of a list or object field and a list's item limit; nulls for other fields (keys misused are reported).</summary>
        private (string? ClassName, int? MaxItems) BindRequestClass(MappingReader reader, FieldType type, string wire, string csName, string where, string operationName)
        {
            if (type is not (FieldType.List or FieldType.Object))
            {
                foreach (string key in RequestClassKeys.Where(reader.Has))
                {
                    _context.Report(DiagnosticDescriptors.ImpossibleConstraint, reader.Entry(key)!.Key.Span, wire, $"'{key}' applies to list and object fields only");
                }

                return (null, null);
            }

            foreach (string key in new[] { "sensitive", "role", "example" }.Where(reader.Has))
            {
                _context.Report(DiagnosticDescriptors.ImpossibleConstraint, reader.Entry(key)!.Key.Span, wire, $"'{key}' belongs on the fields of a {(type == FieldType.List ? "list's items" : "nested object")}, not on the {(type == FieldType.List ? "list" : "object")} itself");
            }

            int? maxItems = BindMaxItems(reader, type, wire);
            YMapping? fields = reader.MappingValue("fields", required: true);
            if (fields is null)
            {
                return (null, null);
            }

            string className = reader.String("class") ?? operationName + (type == FieldType.List ? Naming.Singular(csName) : csName);
            if (_requestClasses.TryGetValue(className, out var known) && known.Definition.Equals(fields.Span))
            {
                return (className, maxItems); // an area-level field used by another operation: one class
            }

            SourceSpan classSpan = reader.Node("class")?.Span ?? reader.Owner;
            if (!CheckName(className, "the class of " + where, classSpan) || !ClaimTypeName(className, "the class of " + where, classSpan, ClassRemedy(reader.Has("class"))))
            {
                return (null, null);
            }

            if (_requestNesting == MaxRequestNesting)
            {
                _context.Report(DiagnosticDescriptors.ImpossibleConstraint, reader.Owner, wire, $"lists and objects nest at most {MaxRequestNesting} levels deep in a request");
                return (null, null);
            }

            _requestClasses[className] = (fields.Span, null);
            _requestNesting++;
            EquatableArray<RequestFieldModel> children = BindRequestClassFields(fields, className, where, operationName);
            _requestNesting--;
            if (children.Count == 0)
            {
                _context.Report(DiagnosticDescriptors.ImpossibleConstraint, reader.Entry("fields")!.Key.Span, wire, "a list's items or an object need at least one field");
                return (null, null);
            }

            _requestClasses[className] = (fields.Span, new RequestClassModel(className, wire, type == FieldType.List, reader.String("description"), children));
            _requestClassOrder.Add(className);
            return (className, maxItems);
        }

        private int? BindMaxItems(MappingReader reader, FieldType type, string wire)
        {
            int? maxItems = reader.Int("max-items");
            if (maxItems is null)
            {
                return null;
            }

            if (type != FieldType.List)
            {
                _context.Report(DiagnosticDescriptors.ImpossibleConstraint, reader.Entry("max-items")!.Key.Span, wire, "'max-items' applies to lists only");
                return null;
            }

            if (maxItems < 1)
            {
                _context.Report(DiagnosticDescriptors.ImpossibleConstraint, reader.Node("max-items")!.Span, wire, $"max-items {maxItems} leaves no room for an item; give at least 1");
                return null;
            }

            return maxItems;
        }

        /// <summary>An item's fields: the caller's values only (no merchant id, salt, signature or payment id in an item).</summary>
        private EquatableArray<RequestFieldModel> BindRequestClassFields(YMapping fields, string className, string where, string operationName)
        {
            var members = new MemberNames(_context, className, RequestReserved);
            var children = new List<RequestFieldModel>();
            foreach (YEntry entry in fields.Entries)
            {
                if (!CheckWireName(entry.Key) || !members.ClaimWire(entry.Key.Value, entry.Key.Span))
                {
                    continue;
                }

                RequestFieldModel? child = BindRequestField(entry, operationName, members);
                if (child is null)
                {
                    continue;
                }

                if (child.Fill != FillKind.None)
                {
                    _context.Report(DiagnosticDescriptors.KeyNotHere, entry.Key.Span, "fill", where, "the client fills only the request's own merchant id, salt and signature, not an item's fields");
                    continue;
                }

                if (child.PostedAs is not null)
                {
                    _context.Report(DiagnosticDescriptors.KeyNotHere, entry.Key.Span, "posted-as", where, "a page posts back values of the request itself, not of an item");
                    continue;
                }

                if (child.PaymentId)
                {
                    _context.Report(DiagnosticDescriptors.ImpossibleConstraint, entry.Key.Span, entry.Key.Value, "the payment id is a field of the request itself, not of an item");
                    continue;
                }

                children.Add(child);
            }

            return children.ToEquatableArray();
        }

        /// <summary>Every request class of the area, in the order first declared.</summary>
        private EquatableArray<RequestClassModel> RequestClasses() =>
            _requestClassOrder.Select(name => _requestClasses[name].Model!).ToEquatableArray();
    }
}
