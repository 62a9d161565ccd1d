using System;
using System.Collections.Generic;
using System.ComponentModel;

namespace FreedomPay.Runtime
{
    /// <summary>
    /// The typed values of one reply element (a reply, a callback, a nested object), read through its <c>Shape</c>:
    /// generated code asks for entry <c>i</c> of the table and this reads it under the wire name, enum values and
    /// format the table gives. Those appear once in generated code, as the request side's field table does
    /// (<see cref="FieldValues"/>). A missing required or malformed value is a <see cref="FreedomPayProtocolException"/>
    /// naming the element.
    /// </summary>
    [EditorBrowsable(EditorBrowsableState.Never)]
    public readonly struct ReplyValues
    {
        private readonly PgElement _element;
        private readonly IReadOnlyList<ReplyElement> _shape;

        /// <summary>Reads <paramref name="element"/>'s children as <paramref name="shape"/> describes them (called by generated code).</summary>
        public ReplyValues(PgElement element, IReadOnlyList<ReplyElement> shape)
        {
            _element = element ?? throw new ArgumentNullException(nameof(element));
            _shape = shape ?? throw new ArgumentNullException(nameof(shape));
        }

        /// <summary>Text entry <paramref name="i"/>, null when absent.</summary>
        public string? Text(int i) => _element.GetString(Name(i));

        /// <summary>Text entry <paramref name="i"/>, which must be present.</summary>
        public string RequiredText(int i) => _element.GetRequiredString(Name(i));

        /// <summary>Whole-number entry <paramref name="i"/>, null when absent or empty.</summary>
        public long? Integer(int i) => _element.GetInt64(Name(i));

        /// <summary>Whole-number entry <paramref name="i"/>, which must be present.</summary>
        public long RequiredInteger(int i) => _element.GetRequiredInt64(Name(i));

        /// <summary>Decimal entry <paramref name="i"/>, null when absent or empty.</summary>
        public decimal? Decimal(int i) => _element.GetDecimal(Name(i));

        /// <summary>Decimal entry <paramref name="i"/>, which must be present.</summary>
        public decimal RequiredDecimal(int i) => _element.GetRequiredDecimal(Name(i));

        /// <summary>1/0 entry <paramref name="i"/>, null when absent or empty.</summary>
        public bool? Boolean(int i) => _element.GetBoolean(Name(i));

        /// <summary>1/0 entry <paramref name="i"/>, which must be present.</summary>
        public bool RequiredBoolean(int i) => _element.GetRequiredBoolean(Name(i));

        /// <summary>Date-time entry <paramref name="i"/> in the table's format, null when absent or empty.</summary>
        public DateTime? DateTime(int i) => _element.GetDateTime(Name(i), Format(_shape[i]));

        /// <summary>Date-time entry <paramref name="i"/> in the table's format, which must be present.</summary>
        public DateTime RequiredDateTime(int i) => _element.GetRequiredDateTime(Name(i), Format(_shape[i]));

#if NET6_0_OR_GREATER
        /// <summary>Date entry <paramref name="i"/> (a <c>date</c>: a date-time in the table's format, its time dropped), null when absent or empty.</summary>
        public DateOnly? Date(int i) => DateTime(i) is { } value ? DateOnly.FromDateTime(value) : null;

        /// <summary>Date entry <paramref name="i"/>, which must be present.</summary>
        public DateOnly RequiredDate(int i) => DateOnly.FromDateTime(RequiredDateTime(i));

        /// <summary>The date items of entry <paramref name="i"/>, in the item's format.</summary>
        public IReadOnlyList<DateOnly> Dates(int i)
        {
            string format = Format(ItemOf(i));
            return List(i, x => DateOnly.FromDateTime(x.AsDateTime(format)));
        }
#endif

        /// <summary>Date-time-with-offset entry <paramref name="i"/> in the table's format, null when absent or empty.</summary>
        public DateTimeOffset? DateTimeOffset(int i) => _element.GetDateTimeOffset(Name(i), Format(_shape[i]));

        /// <summary>Date-time-with-offset entry <paramref name="i"/> in the table's format, which must be present.</summary>
        public DateTimeOffset RequiredDateTimeOffset(int i) => _element.GetRequiredDateTimeOffset(Name(i), Format(_shape[i]));

        /// <summary>Enum entry <paramref name="i"/> as its member number among the table's values (0 for another value), null when absent.</summary>
        public int? Enum(int i) => _element.GetEnum(Name(i), _shape[i].AllowedValues);

        /// <summary>Enum entry <paramref name="i"/> as its member number, which must be present.</summary>
        public int RequiredEnum(int i) => _element.GetRequiredEnum(Name(i), _shape[i].AllowedValues);

        /// <summary>Object entry <paramref name="i"/>, converted by <paramref name="parse"/>; null when absent.</summary>
        public T? Object<T>(int i, Func<PgElement, T> parse)
            where T : class => _element.GetObject(Name(i), parse);

        /// <summary>Object entry <paramref name="i"/>, which must be present, converted by <paramref name="parse"/>.</summary>
        public T RequiredObject<T>(int i, Func<PgElement, T> parse) => _element.GetRequiredObject(Name(i), parse);

        /// <summary>
        /// The items of entry <paramref name="i"/>, converted by <paramref name="parse"/>: the repeated elements of that
        /// name, or the items inside it when the table describes a wrapper (<see cref="ReplyElementKind.List"/>).
        /// Empty when there are none.
        /// </summary>
        public IReadOnlyList<T> List<T>(int i, Func<PgElement, T> parse)
        {
            ReplyElement entry = _shape[i];
            return entry.Item is { } item ? _element.GetWrappedList(entry.Name, item.Name, parse) : _element.GetList(entry.Name, parse);
        }

        /// <summary>The text items of entry <paramref name="i"/> (see <see cref="List{T}"/>).</summary>
        public IReadOnlyList<string> Texts(int i) => List(i, x => x.AsString());

        /// <summary>The whole-number items of entry <paramref name="i"/>.</summary>
        public IReadOnlyList<long> Integers(int i) => List(i, x => x.AsInt64());

        /// <summary>The decimal items of entry <paramref name="i"/>.</summary>
        public IReadOnlyList<decimal> Decimals(int i) => List(i, x => x.AsDecimal());

        /// <summary>The 1/0 items of entry <paramref name="i"/>.</summary>
        public IReadOnlyList<bool> Booleans(int i) => List(i, x => x.AsBoolean());

        /// <summary>The date-time items of entry <paramref name="i"/>, in the item's format.</summary>
        public IReadOnlyList<DateTime> DateTimes(int i)
        {
            string format = Format(ItemOf(i));
            return List(i, x => x.AsDateTime(format));
        }

        /// <summary>The date-time-with-offset items of entry <paramref name="i"/>, in the item's format.</summary>
        public IReadOnlyList<DateTimeOffset> DateTimeOffsets(int i)
        {
            string format = Format(ItemOf(i));
            return List(i, x => x.AsDateTimeOffset(format));
        }

        /// <summary>The enum items of entry <paramref name="i"/>, each member number converted by <paramref name="member"/>.</summary>
        public IReadOnlyList<T> Enums<T>(int i, Func<int, T> member)
        {
            IReadOnlyList<string> values = ItemOf(i).AllowedValues;
            return List(i, x => member(x.AsEnum(values)));
        }

        private string Name(int i) => _shape[i].Name;

        /// <summary>What one item of entry <paramref name="i"/> is: a wrapper's item, or the repeated entry itself.</summary>
        private ReplyElement ItemOf(int i) => _shape[i].Item ?? _shape[i];

        private static string Format(ReplyElement entry) =>
            entry.Format ?? throw new InvalidOperationException($"The reply description gives <{entry.Name}> no date-time format; the generated code and the runtime disagree.");
    }
}
