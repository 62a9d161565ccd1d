using System.Collections.Generic;
using System.Linq;
using FreedomPay.Generator.Model;
using FreedomPay.Generator.Parsing;

namespace FreedomPay.Generator.Binding
{
    /// <summary>
    /// A reply's <c>browser-step</c>: the page the buyer's browser must visit next (3-D Secure), read from the reply's
    /// own elements. Every name it uses is a top-level element of the same reply; the step's condition is a boolean.
    /// </summary>
    internal sealed partial class SpecBinder
    {
        private static readonly string[] BrowserStepKeys = { "name", "description", "when", "url", "method", "fields", "return-field" };

        private BrowserStepModel? BindBrowserStep(MappingReader response, EquatableArray<ResponseElementModel> elements, string where)
        {
            if (response.Node("browser-step") is not { } node)
            {
                return null;
            }

            string stepWhere = "'browser-step' of " + where;
            if (node is not YMapping mapping)
            {
                response.ReportWrongType("browser-step", node, "a mapping ({ name, when, url, method, fields, return-field })");
                return null;
            }

            var reader = new MappingReader(_context, mapping, stepWhere, response.Entry("browser-step")!.Key.Span, BrowserStepKeys);
            var byWire = elements.ToDictionary(e => e.WireName, e => e);
            string? name = BrowserStepName(reader, elements, stepWhere);
            string? when = ElementReference(reader, "when", byWire, stepWhere, FieldType.Boolean);
            string? url = ElementReference(reader, "url", byWire, stepWhere, FieldType.String);
            string method = reader.String("method") ?? "POST";
            if (method is not ("POST" or "GET"))
            {
                _context.Report(DiagnosticDescriptors.InvalidValue, reader.Node("method")!.Span, method, "method", "a browser step is a POST form or a GET address");
            }

            List<BrowserFieldModel>? fields = BrowserStepFields(reader, byWire, stepWhere);
            string? returnField = reader.String("return-field");
            if (returnField is not null && (!IsFormName(returnField) || fields?.Any(f => f.FormName == returnField) == true))
            {
                _context.Report(DiagnosticDescriptors.MalformedValue, reader.Node("return-field")!.Span, returnField, "return-field", "a form field name (letters, digits, '_' and '-') that the step's fields do not use");
                returnField = null;
            }

            return name is null || when is null || url is null || fields is null || method is not ("POST" or "GET")
                ? null
                : new BrowserStepModel(name, when, url, method, fields.ToEquatableArray(), returnField, reader.String("description"));
        }

        /// <summary>The method's name: a C# name no property or inherited member of the reply already has.</summary>
        private string? BrowserStepName(MappingReader reader, EquatableArray<ResponseElementModel> elements, string where)
        {
            if (reader.String("name", required: true) is not { } name)
            {
                return null;
            }

            if (Naming.CheckIdentifier(name) is { } problem)
            {
                _context.Report(DiagnosticDescriptors.InvalidIdentifier, reader.Node("name")!.Span, name, where, problem);
                return null;
            }

            // The method and its static description (<Name>Step) share the reply class with the element properties.
            if (elements.Any(e => e.CsName == name || e.CsName == name + "Step") || ResponseReserved.Contains(name) || ResponseReserved.Contains(name + "Step"))
            {
                _context.Report(DiagnosticDescriptors.NameCollision, reader.Node("name")!.Span, name, where, "a member of the reply", "choose another name");
                return null;
            }

            return name;
        }

        /// <summary>A key naming a top-level element of the reply, of the given type.</summary>
        private string? ElementReference(MappingReader reader, string key, Dictionary<string, ResponseElementModel> byWire, string where, FieldType type)
        {
            if (reader.String(key, required: true) is not { } wire)
            {
                return null;
            }

            if (!byWire.TryGetValue(wire, out ResponseElementModel? element))
            {
                string? suggestion = Naming.Suggest(wire, byWire.Keys);
                _context.Report(DiagnosticDescriptors.UnknownElementReference, reader.Node(key)!.Span, wire, $"'{key}' of {where}", suggestion is null ? string.Empty : $"; did you mean '{suggestion}'?");
                return null;
            }

            if (element.Type != type || element.Repeated)
            {
                _context.Report(DiagnosticDescriptors.ImpossibleConstraint, reader.Node(key)!.Span, wire, $"'{key}' of a browser step needs a single {type.ToString().ToLowerInvariant()} element");
                return null;
            }

            return wire;
        }

        /// <summary>Form field name -> element (text), in the spec's order; an empty mapping is allowed (a page with no fields).</summary>
        private List<BrowserFieldModel>? BrowserStepFields(MappingReader reader, Dictionary<string, ResponseElementModel> byWire, string where)
        {
            var fields = new List<BrowserFieldModel>();
            if (reader.Node("fields") is not { } node)
            {
                return fields;
            }

            if (node is not YMapping mapping)
            {
                reader.ReportWrongType("fields", node, "a mapping of form field name -> reply element");
                return null;
            }

            bool ok = true;
            foreach (YEntry entry in mapping.Entries)
            {
                if (!IsFormName(entry.Key.Value))
                {
                    _context.Report(DiagnosticDescriptors.MalformedValue, entry.Key.Span, entry.Key.Value, "fields", "a form field name is letters, digits, '_' and '-'");
                    ok = false;
                    continue;
                }

                if (entry.Value is not YScalar { IsNull: false } target || !byWire.TryGetValue(target.Value, out ResponseElementModel? element))
                {
                    string value = entry.Value is YScalar scalar ? scalar.Value : MappingReader.Describe(entry.Value);
                    _context.Report(DiagnosticDescriptors.UnknownElementReference, entry.Value.Span, value, $"'fields' of {where}", string.Empty);
                    ok = false;
                    continue;
                }

                if (element.Type != FieldType.String || element.Repeated)
                {
                    _context.Report(DiagnosticDescriptors.ImpossibleConstraint, target.Span, target.Value, "a browser step's field carries a single string element's text");
                    ok = false;
                    continue;
                }

                fields.Add(new BrowserFieldModel(entry.Key.Value, target.Value));
            }

            return ok ? fields : null;
        }

        private static bool IsFormName(string name) =>
            name.Length is > 0 and <= 64 && name.All(c => (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c is '_' or '-');
    }
}
