namespace FreedomPay.Runtime
{
    /// <summary>
    /// Base of every generated request: a <see cref="FreedomPayRequestPart"/> that an operation sends. Its fields
    /// may hold lists and nested objects of further parts.
    /// </summary>
    public abstract class FreedomPayRequest : FreedomPayRequestPart
    {
        /// <summary>Called by generated requests.</summary>
        protected FreedomPayRequest()
        {
        }

        /// <summary>
        /// The request id to send, for an operation whose spec fills one (X-Request-Id); null: a new UUID per call. Set it
        /// to resume a call whose outcome is unknown (<see cref="FreedomPayOutcomeUnknownException.RequestId"/>): the
        /// gateway answers a repeated id with its first reply. Ignored by operations without a request id.
        /// </summary>
        public string? RequestId { get; init; }

        /// <summary>
        /// The values a page posted back to the merchant, read by the fields' <c>posted-as</c> names (called by a
        /// generated <c>FromPostedForm</c>). A required one the form lacks throws <see cref="FreedomPayValidationException"/>.
        /// </summary>
        /// <param name="table">The request's fields.</param>
        /// <param name="form">What the page posted (name, value pairs).</param>
        [System.ComponentModel.EditorBrowsable(System.ComponentModel.EditorBrowsableState.Never)]
        protected static FieldValues PostedValues(RequestFieldTable table, System.Collections.Generic.IEnumerable<System.Collections.Generic.KeyValuePair<string, string>> form) =>
            PostedForm.Read(table ?? throw new System.ArgumentNullException(nameof(table)), form);
    }
}
