using System;
using System.Collections.Generic;

namespace FreedomPay.Runtime
{
    /// <summary>
    /// One XML element of a gateway reply: its name and text, or its child elements. Generated response types
    /// read their properties through the Get* methods, which turn a malformed value into a
    /// <see cref="FreedomPayProtocolException"/> naming the element.
    /// </summary>
    public sealed class PgElement
    {
        private static readonly PgElement[] NoChildren = Array.Empty<PgElement>();

        /// <summary>Creates an element (the XML reader and callbacks; users get elements from replies and callbacks).</summary>
        /// <param name="name">The element's name.</param>
        /// <param name="value">Its text.</param>
        /// <param name="children">Its child elements.</param>
        /// <param name="isObject">A JSON object (even an empty one); otherwise an element is an object when it has children.</param>
        /// <param name="isArrayItem">One item of a JSON array (the element is repeated under its array's name).</param>
        internal PgElement(string name, string value, IReadOnlyList<PgElement>? children = null, bool isObject = false, bool isArrayItem = false)
        {
            Name = name ?? throw new ArgumentNullException(nameof(name));
            Value = value ?? string.Empty;
            Children = children ?? NoChildren;
            IsObject = isObject || Children.Count > 0;
            IsArrayItem = isArrayItem;
        }

        /// <summary>An element with elements of its own (an XML element with children, a JSON object): never a value.</summary>
        internal bool IsObject { get; }

        /// <summary>An item of a JSON array: read where the spec expects a list, never where it expects one value.</summary>
        internal bool IsArrayItem { get; }

        /// <summary>The element's local name, e.g. <c>pg_status</c>.</summary>
        public string Name { get; }

        /// <summary>The element's text; empty for elements that have children.</summary>
        public string Value { get; }

        /// <summary>Child elements in document order.</summary>
        public IReadOnlyList<PgElement> Children { get; }

        /// <summary>The child with this name, or null when there is none.</summary>
        /// <exception cref="FreedomPayProtocolException">
        /// The name appears more than once. Element names are not covered by the signature, so a message with a
        /// duplicate where one element is expected is ambiguous (which one counts?) and is refused, never read as "the
        /// first". Elements that may repeat are read with <see cref="GetList{T}"/>.
        /// </exception>
        public PgElement? Find(string name) => TryFindSingle(name, out PgElement? found)
            ? found
            : throw new FreedomPayProtocolException($"The message has more than one <{name}> element inside <{Name}>, where the API description expects one; it was refused as ambiguous.");

        /// <summary>The child with this name (null when there is none); false when the name appears more than once.</summary>
        internal bool TryFindSingle(string name, out PgElement? found)
        {
            found = null;
            foreach (PgElement child in Children)
            {
                if (string.Equals(child.Name, name, StringComparison.Ordinal))
                {
                    if (found is not null)
                    {
                        found = null;
                        return false;
                    }

                    found = child;
                }
            }

            return true;
        }

        /// <summary>The text of the child with this name, or null when there is none.</summary>
        public string? GetString(string name) => One(name)?.AsString();

        /// <summary>The text of a child that must be present.</summary>
        public string GetRequiredString(string name) => (One(name) ?? throw Missing(name)).AsString();

        /// <summary>An integer child; null when absent or empty.</summary>
        public long? GetInt64(string name) => One(name) is { } child && child.HasValue ? child.AsInt64() : null;

        /// <summary>An integer child that must be present.</summary>
        public long GetRequiredInt64(string name) => (One(name) ?? throw Missing(name)).AsInt64();

        /// <summary>A decimal child; null when absent or empty.</summary>
        public decimal? GetDecimal(string name) => One(name) is { } child && child.HasValue ? child.AsDecimal() : null;

        /// <summary>A decimal child that must be present.</summary>
        public decimal GetRequiredDecimal(string name) => (One(name) ?? throw Missing(name)).AsDecimal();

        /// <summary>A 0/1 (or false/true) child; null when absent or empty.</summary>
        public bool? GetBoolean(string name) => One(name) is { } child && child.HasValue ? child.AsBoolean() : null;

        /// <summary>A 0/1 (or false/true) child that must be present.</summary>
        public bool GetRequiredBoolean(string name) => (One(name) ?? throw Missing(name)).AsBoolean();

        /// <summary>A date-time child in the given format; null when absent or empty.</summary>
        public DateTime? GetDateTime(string name, string format) => One(name) is { } child && child.HasValue ? child.AsDateTime(format) : null;

        /// <summary>A date-time child in the given format that must be present.</summary>
        public DateTime GetRequiredDateTime(string name, string format) => (One(name) ?? throw Missing(name)).AsDateTime(format);

        /// <summary>A date-time-with-offset child in the given format; null when absent or empty.</summary>
        public DateTimeOffset? GetDateTimeOffset(string name, string format) => One(name) is { } child && child.HasValue ? child.AsDateTimeOffset(format) : null;

        /// <summary>A date-time-with-offset child in the given format that must be present.</summary>
        public DateTimeOffset GetRequiredDateTimeOffset(string name, string format) => (One(name) ?? throw Missing(name)).AsDateTimeOffset(format);

        /// <summary>An enum child as its member number (see <see cref="WireEnum.Number"/>: 0 for a value not in <paramref name="values"/>); null when absent.</summary>
        public int? GetEnum(string name, IReadOnlyList<string> values) => One(name) is { } child ? child.AsEnum(values) : null;

        /// <summary>An enum child that must be present, as its member number (0 for a value not in <paramref name="values"/>).</summary>
        public int GetRequiredEnum(string name, IReadOnlyList<string> values) => WireEnum.Number(values, GetRequiredString(name));

        /// <summary>A child with elements of its own, converted; null when absent.</summary>
        public T? GetObject<T>(string name, Func<PgElement, T> convert)
            where T : class => One(name) is { } child ? convert(child.AsObject()) : null;

        /// <summary>A child with elements of its own that must be present, converted.</summary>
        public T GetRequiredObject<T>(string name, Func<PgElement, T> convert) => convert((One(name) ?? throw Missing(name)).AsObject());

        /// <summary>All children with this name (side by side), converted; empty when there are none.</summary>
        public IReadOnlyList<T> GetList<T>(string name, Func<PgElement, T> convert)
        {
            List<T>? items = null;
            foreach (PgElement child in Children)
            {
                if (string.Equals(child.Name, name, StringComparison.Ordinal))
                {
                    (items ??= new List<T>()).Add(convert(child));
                }
            }

            return items is null ? Array.Empty<T>() : items;
        }

        /// <summary>The <paramref name="item"/> children of the <paramref name="wrapper"/> child, converted; empty when absent.</summary>
        public IReadOnlyList<T> GetWrappedList<T>(string wrapper, string item, Func<PgElement, T> convert) =>
            One(wrapper) is { } list ? list.AsObject().GetList(item, convert) : Array.Empty<T>();

        /// <summary>This element's text.</summary>
        public string AsString() => IsObject ? throw WrongShape("text") : Value;

        /// <summary>This element's text as an enum member number (0 for a value not in <paramref name="values"/>).</summary>
        public int AsEnum(IReadOnlyList<string> values) => WireEnum.Number(values, AsString());

        /// <summary>This element's text as an integer.</summary>
        public long AsInt64() => WireText.TryInt64(AsText("an integer"), out long value) ? value : throw Malformed("an integer");

        /// <summary>This element's text as a decimal number.</summary>
        public decimal AsDecimal() => WireText.TryDecimal(AsText("a decimal number"), out decimal value) ? value : throw Malformed("a decimal number");

        /// <summary>This element's text as a flag: 1/0 or true/false.</summary>
        public bool AsBoolean() => WireText.TryBoolean(AsText("0 or 1"), out bool value) ? value : throw Malformed("0 or 1");

        /// <summary>This element's text as a date-time in the given format.</summary>
        public DateTime AsDateTime(string format) =>
            WireText.TryDateTime(AsText("a date-time"), format, out DateTime value) ? value : throw Malformed($"a date-time in the format '{format}'");

        /// <summary>This element's text as a date-time with its offset, in the given format.</summary>
        public DateTimeOffset AsDateTimeOffset(string format) =>
            WireText.TryDateTimeOffset(AsText("a date-time"), format, out DateTimeOffset value) ? value : throw Malformed($"a date-time with offset in the format '{format}'");

        /// <summary>How <see cref="ToString"/> shows the value: set from the spec's <c>sensitive:</c> when a reply is read.</summary>
        internal FieldSensitivity Sensitivity { get; set; }

        /// <summary>The element for logs: values the spec marks sensitive, and signatures, are masked.</summary>
        public override string ToString() => Children.Count == 0 ? $"<{Name}>{Redaction.Apply(Sensitivity, Value)}</{Name}>" : $"<{Name}> ({Children.Count} children)";

        /// <summary>
        /// The child with this name where the spec expects one value (null when absent): an item of a JSON array is
        /// refused there (<c>"status": ["ok"]</c> is not <c>"ok"</c>), as a duplicate XML element is.
        /// </summary>
        private PgElement? One(string name)
        {
            PgElement? child = Find(name);
            return child is { IsArrayItem: true }
                ? throw new FreedomPayProtocolException($"The reply's <{name}> element inside <{Name}> should be one value, but is a JSON array.")
                : child;
        }

        /// <summary>Whether this element carries a value to read (text; an object never does, and is refused by the As* methods).</summary>
        private bool HasValue => IsObject || Value.Length > 0;

        /// <summary>The trimmed text of a value element; an object is refused, naming what was expected.</summary>
        private string AsText(string expected) => IsObject ? throw WrongShape(expected) : Value.Trim();

        /// <summary>This element as an object; text where an object is expected is refused (an empty element is an empty object).</summary>
        private PgElement AsObject() => !IsObject && Value.Length > 0 ? throw WrongShape("an object with elements of its own") : this;

        private FreedomPayProtocolException WrongShape(string expected) =>
            new FreedomPayProtocolException(IsObject
                ? $"The reply's <{Name}> element should be {expected}, but is an object with elements of its own."
                : $"The reply's <{Name}> element should be {expected}, but is text.");

        private FreedomPayProtocolException Missing(string name) =>
            new FreedomPayProtocolException($"The reply has no <{name}> element inside <{Name}>, which the API description says is always present.");

        private FreedomPayProtocolException Malformed(string expected) =>
            new FreedomPayProtocolException($"The reply's <{Name}> element should be {expected}, but is '{Truncate(Value)}'.");

        private static string Truncate(string text) => text.Length <= 64 ? text : text.Substring(0, 64) + "...";
    }
}
