using System;
using System.Collections.Generic;
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

        private readonly Dictionary<string, YEntry> _sharedFields = new Dictionary<string, YEntry>(StringComparer.Ordinal);
        private readonly Dictionary<string, YEntry> _sharedElements = new Dictionary<string, YEntry>(StringComparer.Ordinal);
        private readonly List<YEntry> _defaultRequest = new List<YEntry>();

        /// <summary>Enums declared under the area's <c>enums:</c>, which fields use by name without listing values.</summary>
        private readonly HashSet<string> _declaredEnums = new HashSet<string>(StringComparer.Ordinal);

        private void BindShared(MappingReader root)
        {
            CollectDefinitions(root, "fields", _sharedFields);
            CollectDefinitions(root, "elements", _sharedElements);
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
                            _defaultRequest.Add(entry);
                        }
                    }
                }
            }

            BindAreaEnums(root);
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

        private void BindAreaEnums(MappingReader root)
        {
            if (root.MappingValue("enums") is not { } mapping)
            {
                return;
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
                    _declaredEnums.Add(name);
                }
            }
        }

        /// <summary>
        /// An entry of a request, reply or callback: itself, or, when written without a value, the area's shared
        /// definition under the same name (null, reported, when there is none).
        /// </summary>
        private YEntry? Resolve(YEntry entry, Dictionary<string, YEntry> shared, string sharedKey, string where)
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
                foreach (YEntry entry in _defaultRequest)
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
