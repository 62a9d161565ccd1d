using System;
using System.Collections.Generic;
using FreedomPay.Generator.Model;
using FreedomPay.Generator.Parsing;

namespace FreedomPay.Generator.Binding
{
    /// <summary>
    /// What an area declares once for all its operations: shared request fields (<c>fields:</c>), shared reply and
    /// callback elements (<c>elements:</c>), enums (<c>enums:</c>) and the request fields every operation starts with
    /// (<c>defaults: request:</c>). A field or element written with no value (<c>pg_payment_id:</c>) is the shared one.
    /// Shared definitions are bound at every use (member names and positions are per request), so their problems are
    /// reported once by <see cref="SpecContext"/>, at the definition.
    /// </summary>
    internal sealed partial class SpecBinder
    {
        private static readonly string[] DefaultsKeys = { "request" };
        private static readonly string[] AreaEnumKeys = { "description", "values", "shared" };

        /// <summary>The area's shared definitions, defaults and declared enums, read once before its operations.</summary>
        private AreaScope BindAreaScope(MappingReader root, RequestEncoding encoding)
        {
            var sharedFields = new Dictionary<string, YEntry>(StringComparer.Ordinal);
            var sharedElements = new Dictionary<string, YEntry>(StringComparer.Ordinal);
            CollectDefinitions(root, "fields", sharedFields);
            CollectDefinitions(root, "elements", sharedElements);
            return new AreaScope(encoding, sharedFields, sharedElements, BindDefaultRequest(root), BindAreaEnums(root));
        }

        private List<YEntry> BindDefaultRequest(MappingReader root)
        {
            var defaultRequest = new List<YEntry>();
            if (root.MappingValue("defaults") is { } defaults)
            {
                var reader = new MappingReader(_context, defaults, "'defaults'", root.Entry("defaults")!.Key.Span, DefaultsKeys);
                if (reader.MappingValue("request") is { } request)
                {
                    var names = new MappingReader(_context, request, "'defaults: request'", reader.Entry("request")!.Key.Span, knownKeys: null);
                    foreach (YEntry entry in request.Entries)
                    {
                        if (names.Entry(entry.Key.Value) == entry)
                        {
                            defaultRequest.Add(entry);
                        }
                    }
                }
            }

            return defaultRequest;
        }

        private void CollectDefinitions(MappingReader root, string key, Dictionary<string, YEntry> into)
        {
            if (root.MappingValue(key) is not { } mapping)
            {
                return;
            }

            var names = new MappingReader(_context, mapping, $"'{key}'", root.Entry(key)!.Key.Span, knownKeys: null);
            foreach (YEntry entry in mapping.Entries)
            {
                if (names.Entry(entry.Key.Value) != entry || !CheckWireName(entry.Key))
                {
                    continue;
                }

                if (entry.Value is YScalar { IsNull: true })
                {
                    names.ReportWrongType(entry.Key.Value, entry.Value, "a type name or a mapping describing it");
                    continue;
                }

                into.Add(entry.Key.Value, entry);
            }
        }

        /// <summary>Binds the area's <c>enums:</c>; the names of those bound without error, which fields use by name.</summary>
        private HashSet<string> BindAreaEnums(MappingReader root)
        {
            var declared = new HashSet<string>(StringComparer.Ordinal);
            if (root.MappingValue("enums") is not { } mapping)
            {
                return declared;
            }

            var names = new MappingReader(_context, mapping, "'enums'", root.Entry("enums")!.Key.Span, knownKeys: null);
            foreach (YEntry entry in mapping.Entries)
            {
                string name = entry.Key.Value;
                if (names.Entry(name) != entry)
                {
                    continue;
                }

                if (entry.Value is not YMapping enumMapping)
                {
                    names.ReportWrongType(name, entry.Value, "a mapping with 'values:' (and 'description:')");
                    continue;
                }

                string where = $"'enums: {name}'";
                var reader = new MappingReader(_context, enumMapping, where, entry.Key.Span, AreaEnumKeys);
                if (BindEnum(reader, where, name, reader.String("description"), entry.Key.Span, reader.Bool("shared", false)) is not null)
                {
                    declared.Add(name);
                }
            }

            return declared;
        }

        /// <summary>
        /// An entry of a request, reply or callback: itself, or, when written without a value, the area's shared
        /// definition under the same name (null, reported, when there is none).
        /// </summary>
        private YEntry? Resolve(YEntry entry, IReadOnlyDictionary<string, YEntry> shared, string sharedKey, string where)
        {
            if (entry.Value is not YScalar { IsNull: true })
            {
                return entry;
            }

            if (shared.TryGetValue(entry.Key.Value, out YEntry? definition))
            {
                return new YEntry(entry.Key, definition.Value);
            }

            _context.Report(DiagnosticDescriptors.NoSharedDefinition, entry.Key.Span, entry.Key.Value, where, sharedKey);
            return null;
        }

        /// <summary>The request entries of an operation: the area's defaults (unless it says <c>defaults: false</c>), then its own.</summary>
        private List<YEntry> RequestEntries(MappingReader operation, YMapping? own)
        {
            var entries = new List<YEntry>();
            var declared = new HashSet<string>(StringComparer.Ordinal);
            if (own is not null)
            {
                foreach (YEntry entry in own.Entries)
                {
                    declared.Add(entry.Key.Value);
                }
            }

            if (operation.Bool("defaults", true))
            {
                foreach (YEntry entry in _scope.DefaultRequest)
                {
                    if (!declared.Contains(entry.Key.Value))
                    {
                        entries.Add(entry);
                    }
                }
            }

            if (own is not null)
            {
                entries.AddRange(own.Entries);
            }

            return entries;
        }
    }
}
