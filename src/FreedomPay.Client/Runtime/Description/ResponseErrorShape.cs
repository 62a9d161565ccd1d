using System;
using System.Collections.Generic;
using System.ComponentModel;

namespace FreedomPay.Runtime
{
    /// <summary>
    /// Where a reply says it failed: <c>pg_status=error</c> with <c>pg_error_code</c> and <c>pg_error_description</c>,
    /// or, in the Gateway Async API, a reply that holds nothing but <c>{"error": {"code", "description"}}</c> (an
    /// empty <see cref="StatusElement"/>) or comes with HTTP 422. Element names may be paths: names joined by '/'
    /// (<c>error/code</c>).
    /// </summary>
    [EditorBrowsable(EditorBrowsableState.Never)]
    public sealed class ResponseErrorShape
    {
        /// <summary>Describes the error elements of an API area's replies.</summary>
        /// <param name="statusElement">The element holding the outcome; empty when the replies have none (a <c>status</c> that is the payment's own).</param>
        /// <param name="errorValue">The outcome value that means failure.</param>
        /// <param name="codeElement">The element holding the error code.</param>
        /// <param name="descriptionElement">The element holding the error text.</param>
        /// <param name="unsignedCodes">
        /// The error codes the gateway may send without a signature (the spec's <c>unsigned-codes</c>): only when it
        /// could not identify the merchant. Any other unsigned error is untrusted.
        /// </param>
        public ResponseErrorShape(string statusElement, string errorValue, string codeElement, string descriptionElement, IReadOnlyCollection<string> unsignedCodes)
        {
            StatusElement = statusElement;
            ErrorValue = errorValue;
            CodeElement = codeElement;
            DescriptionElement = descriptionElement;
            UnsignedCodes = unsignedCodes ?? throw new ArgumentNullException(nameof(unsignedCodes));
        }

        /// <summary>The element holding the outcome, e.g. <c>pg_status</c>; empty when the replies have none.</summary>
        public string StatusElement { get; }

        /// <summary>
        /// HTTP statuses whose body is an error reply in this shape (the Gateway Async API's 422 for bad input): it is
        /// read and thrown as <see cref="FreedomPayGatewayException"/>, like an error in a 200 reply. Others than these
        /// stay <see cref="FreedomPayProtocolException"/>s. Empty by default.
        /// </summary>
        public IReadOnlyCollection<int> HttpStatuses { get; init; } = Array.Empty<int>();

        /// <summary>The outcome value that means failure, e.g. <c>error</c>.</summary>
        public string ErrorValue { get; }

        /// <summary>The element holding the error code, e.g. <c>pg_error_code</c>.</summary>
        public string CodeElement { get; }

        /// <summary>The element holding the error text, e.g. <c>pg_error_description</c>.</summary>
        public string DescriptionElement { get; }

        /// <summary>Error codes that may come unsigned (merchant not identified), e.g. <c>101</c> and <c>9998</c>.</summary>
        public IReadOnlyCollection<string> UnsignedCodes { get; }

        /// <summary>Whether the replies carry an outcome element.</summary>
        internal bool HasStatus => StatusElement.Length > 0;

        /// <summary>The error code of a reply, or null when it has none.</summary>
        internal string? CodeOf(PgElement root) => ElementPath.Find(root, CodeElement)?.AsString();

        /// <summary>The error text of a reply, or null when it has none.</summary>
        internal string? DescriptionOf(PgElement root) => ElementPath.Find(root, DescriptionElement)?.AsString();

        /// <summary>
        /// Whether a reply says the request failed: its outcome element has the error value, or, where replies have no
        /// outcome element, it holds an error code and nothing but the error's own elements (a reply that also names a
        /// payment is that payment's state, a declined one included, not a refusal).
        /// </summary>
        internal bool SaysFailed(PgElement root)
        {
            if (HasStatus)
            {
                return string.Equals(ElementPath.Find(root, StatusElement)?.AsString(), ErrorValue, StringComparison.Ordinal);
            }

            if (CodeOf(root) is null)
            {
                return false;
            }

            foreach (PgElement child in root.Children)
            {
                if (!ElementPath.StartsWith(CodeElement, child.Name) && !ElementPath.StartsWith(DescriptionElement, child.Name))
                {
                    return false;
                }
            }

            return true;
        }

        /// <summary>Whether a reply with this HTTP status is an error reply to read.</summary>
        internal bool IsErrorStatus(int status)
        {
            foreach (int listed in HttpStatuses)
            {
                if (listed == status)
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>Whether an unsigned reply with this error code may be believed.</summary>
        internal bool MayBeUnsigned(string code) => WireText.IsOneOf(code, UnsignedCodes);
    }
}
