namespace FreedomPay.Runtime
{
    /// <summary>The value type of a request field, as the spec declares it.</summary>
    public enum FieldKind
    {
        /// <summary>Text.</summary>
        Text = 0,

        /// <summary>A whole number.</summary>
        Integer = 1,

        /// <summary>A decimal number with '.' as the separator.</summary>
        Decimal = 2,

        /// <summary>A flag, sent as 1 or 0.</summary>
        Boolean = 3,

        /// <summary>One of <see cref="RequestField.AllowedValues"/>.</summary>
        Enum = 4,

        /// <summary>A date-time in <see cref="RequestField.Format"/>.</summary>
        DateTime = 5,

        /// <summary>A date-time with its offset from UTC in <see cref="RequestField.Format"/> (e.g. <c>2024-09-02T12:19:01+00:00</c>).</summary>
        DateTimeOffset = 6,

        /// <summary>A list of items with the fields of <see cref="RequestField.Items"/>, sent as <c>wire[0][name]</c>, <c>wire[1][name]</c>, ...</summary>
        List = 7,

        /// <summary>A nested object with the fields of <see cref="RequestField.Items"/>, sent as <c>wire[name]</c>.</summary>
        Object = 8,
    }
}
