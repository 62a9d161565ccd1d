using System;
using System.Collections.Generic;

namespace FreedomPay.Runtime
{
    /// <summary>
    /// Request values as text, keyed by wire name (from a command line, a form, a config file), with typed
    /// getters that generated code uses to build a request. A missing or malformed value throws
    /// <see cref="FreedomPayValidationException"/> naming the field; messages never repeat the text.
    /// </summary>
    public sealed class FieldValues
    {
        private readonly IReadOnlyDictionary<string, string> _values;
        private readonly string _operation;

        /// <summary>Wraps values for an operation (the name is used in error messages).</summary>
        public FieldValues(string operation, IReadOnlyDictionary<string, string> values)
        {
            _operation = operation ?? throw new ArgumentNullException(nameof(operation));
            _values = values ?? throw new ArgumentNullException(nameof(values));
        }

        /// <summary>Text, or null when absent.</summary>
        public string? String(string wireName, string memberName) => Get(wireName);

        /// <summary>Text that must be present.</summary>
        public string RequiredString(string wireName, string memberName) => Get(wireName) ?? throw Missing(wireName, memberName);

        /// <summary>An integer, or null when absent.</summary>
        public long? Int64(string wireName, string memberName) =>
            Get(wireName) is { } text ? ParseInt64(text, wireName, memberName) : null;

        /// <summary>An integer that must be present.</summary>
        public long RequiredInt64(string wireName, string memberName) => ParseInt64(RequiredString(wireName, memberName), wireName, memberName);

        /// <summary>A decimal, or null when absent.</summary>
        public decimal? Decimal(string wireName, string memberName) =>
            Get(wireName) is { } text ? ParseDecimal(text, wireName, memberName) : null;

        /// <summary>A decimal that must be present.</summary>
        public decimal RequiredDecimal(string wireName, string memberName) => ParseDecimal(RequiredString(wireName, memberName), wireName, memberName);

        /// <summary>A flag (1/0, true/false), or null when absent.</summary>
        public bool? Boolean(string wireName, string memberName) =>
            Get(wireName) is { } text ? ParseBoolean(text, wireName, memberName) : null;

        /// <summary>A flag that must be present.</summary>
        public bool RequiredBoolean(string wireName, string memberName) => ParseBoolean(RequiredString(wireName, memberName), wireName, memberName);

        /// <summary>A date-time in the given format, or null when absent.</summary>
        public DateTime? DateTime(string wireName, string memberName, string format) =>
            Get(wireName) is { } text ? ParseDateTime(text, wireName, memberName, format) : null;

        /// <summary>A date-time in the given format that must be present.</summary>
        public DateTime RequiredDateTime(string wireName, string memberName, string format) =>
            ParseDateTime(RequiredString(wireName, memberName), wireName, memberName, format);

        /// <summary>An enum from its wire value (unknown values become the enum's Unknown, which validation rejects), or null.</summary>
        public T? Enum<T>(string wireName, string memberName, Func<string, T> parse)
            where T : struct => Get(wireName) is { } text ? parse(text) : null;

        /// <summary>An enum from its wire value that must be present.</summary>
        public T RequiredEnum<T>(string wireName, string memberName, Func<string, T> parse) => parse(RequiredString(wireName, memberName));

        private string? Get(string wireName) => _values.TryGetValue(wireName, out string? value) && value.Length > 0 ? value : null;

        private long ParseInt64(string text, string wireName, string memberName) =>
            WireText.TryInt64(text, out long value) ? value : throw Invalid(wireName, memberName, "must be a whole number");

        private decimal ParseDecimal(string text, string wireName, string memberName) =>
            WireText.TryDecimal(text, out decimal value) ? value : throw Invalid(wireName, memberName, "must be a number with '.' as the decimal separator");

        private bool ParseBoolean(string text, string wireName, string memberName) =>
            WireText.TryBoolean(text.Trim(), out bool value) ? value : throw Invalid(wireName, memberName, "must be 1, 0, true or false");

        private DateTime ParseDateTime(string text, string wireName, string memberName, string format) =>
            WireText.TryDateTime(text, format, out DateTime value) ? value : throw Invalid(wireName, memberName, $"must be a date-time in the format {format}");

        private FreedomPayValidationException Missing(string wireName, string memberName) => Invalid(wireName, memberName, "is required");

        private FreedomPayValidationException Invalid(string wireName, string memberName, string rule) =>
            new FreedomPayValidationException(_operation, new[] { new FieldError(wireName, memberName, rule) });
    }
}
