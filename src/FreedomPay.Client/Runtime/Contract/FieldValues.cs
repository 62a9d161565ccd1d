using System;
using System.Collections.Generic;
using System.ComponentModel;

namespace FreedomPay.Runtime
{
    /// <summary>
    /// Request values as text keyed by wire name (from a command line, a form, a config file), read by field index
    /// as a generated request's <c>FromText</c> asks for them. The field's kind and format come from the request's
    /// <see cref="RequestFieldTable"/>. A missing or malformed value throws <see cref="FreedomPayValidationException"/>
    /// naming the field; messages never repeat the text.
    /// </summary>
    [EditorBrowsable(EditorBrowsableState.Never)]
    public readonly struct FieldValues
    {
        private readonly RequestFieldTable _table;
        private readonly IReadOnlyDictionary<string, string> _values;
        private readonly string _operation;

        internal FieldValues(string operation, RequestFieldTable table, IReadOnlyDictionary<string, string> values)
        {
            _operation = operation;
            _table = table;
            _values = values;
        }

        /// <summary>Text, or null when absent.</summary>
        public string? Text(int field) => Get(field);

        /// <summary>Text that must be present.</summary>
        public string RequiredText(int field) => Get(field) ?? throw Missing(field);

        /// <summary>A whole number, or null when absent.</summary>
        public long? Integer(int field) => Get(field) is { } text ? ParseInteger(field, text) : null;

        /// <summary>A whole number that must be present.</summary>
        public long RequiredInteger(int field) => ParseInteger(field, RequiredText(field));

        /// <summary>A decimal, or null when absent.</summary>
        public decimal? Decimal(int field) => Get(field) is { } text ? ParseDecimal(field, text) : null;

        /// <summary>A decimal that must be present.</summary>
        public decimal RequiredDecimal(int field) => ParseDecimal(field, RequiredText(field));

        /// <summary>A flag (1/0, true/false), or null when absent.</summary>
        public bool? Boolean(int field) => Get(field) is { } text ? ParseBoolean(field, text) : null;

        /// <summary>A flag that must be present.</summary>
        public bool RequiredBoolean(int field) => ParseBoolean(field, RequiredText(field));

        /// <summary>A date-time in the field's format, or null when absent.</summary>
        public DateTime? DateTime(int field) => Get(field) is { } text ? ParseDateTime(field, text) : null;

        /// <summary>A date-time in the field's format that must be present.</summary>
        public DateTime RequiredDateTime(int field) => ParseDateTime(field, RequiredText(field));

#if NET6_0_OR_GREATER
        /// <summary>A date (a <c>date</c> field: a date-time in the field's format, its time dropped), or null when absent.</summary>
        public DateOnly? Date(int field) => DateTime(field) is { } value ? DateOnly.FromDateTime(value) : null;

        /// <summary>A date that must be present.</summary>
        public DateOnly RequiredDate(int field) => DateOnly.FromDateTime(RequiredDateTime(field));
#endif

        /// <summary>A date-time with offset in the field's format, or null when absent.</summary>
        public DateTimeOffset? DateTimeOffset(int field) => Get(field) is { } text ? ParseDateTimeOffset(field, text) : null;

        /// <summary>A date-time with offset in the field's format that must be present.</summary>
        public DateTimeOffset RequiredDateTimeOffset(int field) => ParseDateTimeOffset(field, RequiredText(field));

        /// <summary>The most items read for one list from text, whatever the indexes say.</summary>
        public const int MaxTextItems = 1000;

        /// <summary>
        /// A list's items from values named <c>wire[0][name]</c>, <c>wire[1][name]</c>, ... (indexes from 0 without
        /// gaps), each read by <paramref name="read"/>; null when there are none.
        /// </summary>
        public IReadOnlyList<T>? List<T>(int field, Func<FieldValues, T> read)
            where T : FreedomPayRequestPart
        {
            if (read is null)
            {
                throw new ArgumentNullException(nameof(read));
            }

            RequestField f = _table[field];
            var items = new SortedDictionary<int, Dictionary<string, string>>();
            foreach (KeyValuePair<string, string> pair in Below(f.WireName))
            {
                int close = pair.Key.IndexOf(']');
                if (close < 1 || close + 1 >= pair.Key.Length || pair.Key[close + 1] != '['
                    || !int.TryParse(pair.Key.Substring(1, close - 1), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out int index)
                    || index >= (f.MaxItems ?? MaxTextItems))
                {
                    throw Invalid(field, $"items are named {f.WireName}[0][name], {f.WireName}[1][name], ... (at most {f.MaxItems ?? MaxTextItems})");
                }

                if (!items.TryGetValue(index, out Dictionary<string, string>? item))
                {
                    items.Add(index, item = new Dictionary<string, string>(StringComparer.Ordinal));
                }

                item[Unwrap(pair.Key.Substring(close + 1))] = pair.Value;
            }

            if (items.Count == 0)
            {
                return f.Required ? throw Missing(field) : null;
            }

            var list = new List<T>(items.Count);
            foreach (KeyValuePair<int, Dictionary<string, string>> item in items)
            {
                if (item.Key != list.Count)
                {
                    throw Invalid(field, $"item {list.Count} is missing (items are numbered from 0 without gaps)");
                }

                list.Add(read(new FieldValues(_operation, f.Items!, item.Value)));
            }

            return list;
        }

        /// <summary>A nested object from values named <c>wire[name]</c>, read by <paramref name="read"/>; null when there are none.</summary>
        public T? Object<T>(int field, Func<FieldValues, T> read)
            where T : FreedomPayRequestPart
        {
            if (read is null)
            {
                throw new ArgumentNullException(nameof(read));
            }

            RequestField f = _table[field];
            var values = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (KeyValuePair<string, string> pair in Below(f.WireName))
            {
                values[Unwrap(pair.Key)] = pair.Value;
            }

            return values.Count > 0 ? read(new FieldValues(_operation, f.Items!, values))
                : f.Required ? throw Missing(field) : null;
        }

        /// <summary>The values named <c>wire[...]</c>, with their names from the first '['.</summary>
        private IEnumerable<KeyValuePair<string, string>> Below(string wire)
        {
            foreach (KeyValuePair<string, string> pair in _values)
            {
                if (pair.Key.Length > wire.Length + 2 && pair.Key[wire.Length] == '[' && pair.Key.StartsWith(wire, StringComparison.Ordinal))
                {
                    yield return new KeyValuePair<string, string>(pair.Key.Substring(wire.Length), pair.Value);
                }
            }
        }

        /// <summary><c>[a][b]</c> -> <c>a[b]</c>: a name as the nested fields' own table lists it.</summary>
        private static string Unwrap(string bracketed)
        {
            int close = bracketed.IndexOf(']');
            return close < 0 ? bracketed : bracketed.Substring(1, close - 1) + bracketed.Substring(close + 1);
        }

        /// <summary>The values whose names the table does not list (the merchant's own parameters), or null when there are none.</summary>
        public IReadOnlyDictionary<string, string>? Extra()
        {
            Dictionary<string, string>? extra = null;
            foreach (KeyValuePair<string, string> pair in _values)
            {
                int bracket = pair.Key.IndexOf('[');
                if (!_table.Contains(bracket > 0 ? pair.Key.Substring(0, bracket) : pair.Key))
                {
                    (extra ??= new Dictionary<string, string>(StringComparer.Ordinal))[pair.Key] = pair.Value;
                }
            }

            return extra;
        }

        /// <summary>An enum's number (0, Unknown, for a value it does not have: validation refuses it), or null when absent.</summary>
        public int? Enum(int field) => Get(field) is { } text ? EnumNumber(field, text) : null;

        /// <summary>An enum's number that must be present.</summary>
        public int RequiredEnum(int field) => EnumNumber(field, RequiredText(field));

        private string? Get(int field) =>
            _values.TryGetValue(_table[field].WireName, out string? value) && value.Length > 0 ? value : null;

        private int EnumNumber(int field, string text) => WireEnum.Number(_table[field].AllowedValues, text);

        private long ParseInteger(int field, string text) =>
            WireText.TryInt64(text, out long value) ? value : throw Invalid(field, "must be a whole number");

        private decimal ParseDecimal(int field, string text) =>
            WireText.TryDecimal(text, out decimal value) ? value : throw Invalid(field, "must be a number with '.' as the decimal separator");

        private bool ParseBoolean(int field, string text) =>
            WireText.TryBoolean(text.Trim(), out bool value) ? value : throw Invalid(field, "must be 1, 0, true or false");

        private DateTime ParseDateTime(int field, string text) =>
            WireText.TryDateTime(text, _table[field].Format!, out DateTime value) ? value : throw Invalid(field, $"must be a date-time in the format {_table[field].Format}");

        private DateTimeOffset ParseDateTimeOffset(int field, string text) =>
            WireText.TryDateTimeOffset(text, _table[field].Format!, out DateTimeOffset value) ? value : throw Invalid(field, $"must be a date-time with offset in the format {_table[field].Format}");

        private FreedomPayValidationException Missing(int field) => Invalid(field, "is required");

        private FreedomPayValidationException Invalid(int field, string rule) =>
            new FreedomPayValidationException(_operation, new[] { new FieldError(_table[field].WireName, _table[field].MemberName, rule) });
    }
}
