namespace FreedomPay.Runtime
{
    /// <summary>How the fields of a <see cref="FieldGroup"/> depend on each other.</summary>
    public enum FieldGroupKind
    {
        /// <summary>Exactly one of the fields is given (the spec's <c>one-of</c>).</summary>
        OneOf,

        /// <summary>The first field is required unless one of the others is given (the spec's <c>required-unless</c>).</summary>
        RequiredUnless,

        /// <summary>A card's expiry month and year (in that order) that must not have passed (the spec's <c>card-expiry</c>).</summary>
        CardExpiry,
    }
}
