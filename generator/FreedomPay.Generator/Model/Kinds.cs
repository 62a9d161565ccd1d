namespace FreedomPay.Generator.Model
{
    /// <summary>The value types a spec field or response element can have.</summary>
    internal enum FieldType
    {
        String,
        Integer,
        Decimal,
        Boolean,
        Enum,
        DateTime,

        /// <summary>A date-time with its offset from UTC (<c>datetime-offset</c>): C# <c>DateTimeOffset</c>.</summary>
        DateTimeOffset,

        /// <summary>A response element with child elements of its own (<c>elements:</c>).</summary>
        Object,

        /// <summary>A response wrapper element holding repeated <c>item</c> children.</summary>
        List,

        /// <summary>
        /// A calendar date (<c>date</c>, wire <c>yyyy-MM-dd</c>): C# <c>DateOnly</c> where the framework has it, else
        /// <c>DateTime</c>. To the runtime it is a date-time in the date's format.
        /// </summary>
        Date,
    }

    /// <summary>Request fields whose value the client supplies itself rather than the caller.</summary>
    internal enum FillKind
    {
        None,
        MerchantId,
        Salt,
        Signature,

        /// <summary>A new request id per call (a UUID), the same for every attempt of the call.</summary>
        RequestId,
    }

    /// <summary>How logs, traces, ToString and tools show a value (the spec's <c>sensitive:</c>).</summary>
    internal enum Sensitivity
    {
        None,

        /// <summary><c>sensitive: partial</c>: first four and last two characters.</summary>
        Partial,

        /// <summary><c>sensitive: true</c>: never shown.</summary>
        Hidden,
    }

    internal enum RequestEncoding
    {
        Multipart,
        UrlEncoded,
        Json,
    }

    /// <summary>How an area signs its requests (the spec's <c>auth:</c>; the runtime's <c>AuthScheme</c>).</summary>
    internal enum AuthScheme
    {
        PgSig,
        JwsHs256,
        JwsHs512,
        Sha256Sign,
    }

    /// <summary>Where a request header's value comes from (the runtime's <c>HeaderSource</c>).</summary>
    internal enum HeaderSource
    {
        Constant,
        RequestId,
    }
}
