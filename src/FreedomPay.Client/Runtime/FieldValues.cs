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

        /// <summary>A date-time with offset in the field's format, or null when absent.</summary>
        public DateTimeOffset? DateTimeOffset(int field) => Get(field) is { } text ? ParseDateTimeOffset(field, text) : null;

        /// <summary>A date-time with offset in the field's format that must be present.</summary>
        public DateTimeOffset RequiredDateTimeOffset(int field) => ParseDateTimeOffset(field, RequiredText(field));

        /// <summary>The values whose names the table does not list (the merchant's own parameters), or null when there are none.</summary>
        public IReadOnlyDictionary<string, string>? Extra()
        {
            Dictionary<string, string>? extra = null;
            foreach (KeyValuePair<string, string> pair in _values)
            {
                if (!_table.Contains(pair.Key))
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
