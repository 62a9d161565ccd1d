using System;
using System.Collections.Generic;
using System.Linq;
using System.Globalization;
using FreedomPay.Generator.Model;
using FreedomPay.Generator.Parsing;

namespace FreedomPay.Generator.Binding
{
    /// <summary>
    /// Reads the keys of one YAML mapping against the set of keys it may have: reports duplicates and unknown
    /// keys (with a "did you mean" hint) and wrong value kinds, each at the offending node.
    /// </summary>
    internal sealed class MappingReader
    {
        /// <summary>
        /// Up to this many keys, lookups scan the entries: most mappings are a field's few rules, and a dictionary
        /// per mapping was a fifth of what binding allocated after the parse. Longer mappings (operations, servers)
        /// get a dictionary, so that a spec of many operations is not checked for duplicates in quadratic time.
        /// </summary>
        private const int ScanLimit = 8;

        private readonly SpecContext _context;
        private readonly Dictionary<string, YEntry>? _index;

        /// <param name="owner">Where "missing key" errors point: the key that introduces this mapping.</param>
        /// <param name="knownKeys">The keys allowed here; null when the keys are names the spec author chooses
        /// (operations, servers, constants), where only duplicates are errors.</param>
        public MappingReader(SpecContext context, YMapping mapping, string where, SourceSpan owner, IReadOnlyCollection<string>? knownKeys)
        {
            _context = context;
            Mapping = mapping;
            Where = where;
            Owner = owner;
            IReadOnlyList<YEntry> entries = mapping.Entries;
            _index = entries.Count > ScanLimit ? new Dictionary<string, YEntry>(entries.Count, StringComparer.Ordinal) : null;
            for (int i = 0; i < entries.Count; i++)
            {
                YEntry entry = entries[i];
                string key = entry.Key.Value;
                if (_index is null ? IndexOf(key, before: i) >= 0 : _index.ContainsKey(key))
                {
                    context.Report(DiagnosticDescriptors.Duplicate, entry.Key.Span, "Key", key, where);
                    continue;
                }

                _index?.Add(key, entry);
                if (knownKeys is not null && !Contains(knownKeys, key))
                {
                    string? suggestion = Naming.Suggest(key, knownKeys);
                    string hint = suggestion is null
                        ? "; allowed keys: " + string.Join(", ", knownKeys)
                        : $"; did you mean '{suggestion}'?";
                    if (suggestion is null && key.Contains(" ") && entry.Value is YScalar { IsNull: true })
                    {
                        // "{ description: Paid, at once }" splits at the comma: the tail becomes a key.
                        hint = ". It looks like the rest of a text value: inside { } a ',' ends a value, so quote the text";
                    }
                    else if (suggestion is null && Contains(knownKeys, "request") && LooksLikeField(key, entry.Value))
                    {
                        // A field written one level too shallow lands among the operation's keys.
                        hint = "; it looks like a request field: indent it under 'request:'";
                    }
                    context.Report(DiagnosticDescriptors.UnknownKey, entry.Key.Span, key, where, hint);
                }
            }
        }

        public YMapping Mapping { get; }

        /// <summary>A <c>pg_</c> name, or a mapping of a field's keys (type, required, fill, ...).</summary>
        private static bool LooksLikeField(string key, YNode value) =>
            key.StartsWith("pg_", StringComparison.Ordinal)
            || (value is YMapping mapping && mapping.Entries.Any(e => e.Key.Value is "type" or "required" or "fill" or "max-length" or "min-length" or "values" or "sensitive" or "pattern"));

        public string Where { get; }

        public SourceSpan Owner { get; }

        /// <summary>The first entry with this key (a duplicate is reported and otherwise ignored).</summary>
        public YEntry? Entry(string key)
        {
            if (_index is not null)
            {
                return _index.TryGetValue(key, out var entry) ? entry : null;
            }

            int at = IndexOf(key, before: Mapping.Entries.Count);
            return at < 0 ? null : Mapping.Entries[at];
        }

        /// <summary>The value node, or null when the key is absent or its value is empty.</summary>
        public YNode? Node(string key) => Entry(key)?.Value is { } node && !(node is YScalar { IsNull: true }) ? node : null;

        public bool Has(string key) => Node(key) is not null;

        public string? String(string key, bool required = false)
        {
            YNode? node = Node(key);
            if (node is null)
            {
                if (required)
                {
                    ReportMissing(key);
                }

                return null;
            }

            if (node is YScalar scalar)
            {
                return scalar.Value;
            }

            ReportWrongType(key, node, "a text value");
            return null;
        }

        public bool Bool(string key, bool defaultValue)
        {
            YNode? node = Node(key);
            if (node is null)
            {
                return defaultValue;
            }

            if (node is YScalar { IsPlain: true } scalar)
            {
                switch (scalar.Value)
                {
                    case "true":
                    case "True":
                    case "TRUE":
                        return true;
                    case "false":
                    case "False":
                    case "FALSE":
                        return false;
                }
            }

            ReportWrongType(key, node, "true or false");
            return defaultValue;
        }

        public int? Int(string key)
        {
            YNode? node = Node(key);
            if (node is null)
            {
                return null;
            }

            if (node is YScalar { IsPlain: true } scalar
                && int.TryParse(scalar.Value, NumberStyles.None, CultureInfo.InvariantCulture, out int value))
            {
                return value;
            }

            ReportWrongType(key, node, "a whole number of 0 or more");
            return null;
        }

        public decimal? Decimal(string key)
        {
            YNode? node = Node(key);
            if (node is null)
            {
                return null;
            }

            if (node is YScalar { IsPlain: true } scalar
                && decimal.TryParse(scalar.Value, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out decimal value))
            {
                return value;
            }

            ReportWrongType(key, node, "a number");
            return null;
        }

        public YMapping? MappingValue(string key, bool required = false)
        {
            YNode? node = Node(key);
            if (node is null)
            {
                if (required)
                {
                    ReportMissing(key);
                }

                return null;
            }

            if (node is YMapping mapping)
            {
                return mapping;
            }

            ReportWrongType(key, node, "a mapping (indented 'name: value' lines)");
            return null;
        }

        public void ReportMissing(string key) => _context.Report(DiagnosticDescriptors.MissingKey, Owner, Capitalize(Where), key);

        public void ReportWrongType(string key, YNode node, string expected) =>
            _context.Report(DiagnosticDescriptors.WrongType, node.Span, key, Where, expected, Describe(node));

        public static string Describe(YNode node) => node is YScalar scalar && !scalar.IsNull ? $"'{scalar.Value}'" : node.KindName;

        private static string Capitalize(string text) => text.Length == 0 ? text : char.ToUpperInvariant(text[0]) + text.Substring(1);

        private int IndexOf(string key, int before)
        {
            IReadOnlyList<YEntry> entries = Mapping.Entries;
            for (int i = 0; i < before; i++)
            {
                if (string.Equals(entries[i].Key.Value, key, StringComparison.Ordinal))
                {
                    return i;
                }
            }

            return -1;
        }

        private static bool Contains(IReadOnlyCollection<string> keys, string key)
        {
            foreach (string known in keys)
            {
                if (string.Equals(known, key, StringComparison.Ordinal))
                {
                    return true;
                }
            }

            return false;
        }
    }
}
