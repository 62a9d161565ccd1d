namespace FreedomPay.Runtime
{
    /// <summary>The shape of a reply element's value.</summary>
    public enum ReplyElementKind
    {
        /// <summary>Text.</summary>
        Text,

        /// <summary>A whole number.</summary>
        Integer,

        /// <summary>A decimal number, '.' as the separator.</summary>
        Decimal,

        /// <summary>1 or 0.</summary>
        Boolean,

        /// <summary>One of <see cref="ReplyElement.AllowedValues"/>.</summary>
        Enum,

        /// <summary>A date and time in <see cref="ReplyElement.Format"/>.</summary>
        DateTime,

        /// <summary>An element with child elements of its own (<see cref="ReplyElement.Children"/>).</summary>
        Object,

        /// <summary>A wrapper element holding repeated <see cref="ReplyElement.Item"/> children.</summary>
        List,

        /// <summary>A date and time with its offset from UTC, in <see cref="ReplyElement.Format"/>.</summary>
        DateTimeOffset,
    }
}
