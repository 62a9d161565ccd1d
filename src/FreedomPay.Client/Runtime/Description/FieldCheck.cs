namespace FreedomPay.Runtime
{
    /// <summary>A check of a text value beyond its length and pattern (the spec's <c>check:</c>).</summary>
    public enum FieldCheck
    {
        /// <summary>No further check.</summary>
        None = 0,

        /// <summary>
        /// A card number: digits only, with a valid Luhn check digit (ISO/IEC 7812). A mistyped number is refused
        /// before it is sent, and the message never repeats it.
        /// </summary>
        Luhn = 1,
    }
}
