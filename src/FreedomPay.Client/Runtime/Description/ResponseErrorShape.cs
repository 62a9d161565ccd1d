using System;
using System.Collections.Generic;
using System.ComponentModel;

namespace FreedomPay.Runtime
{
    /// <summary>Where a reply says it failed: <c>pg_status=error</c> with <c>pg_error_code</c> and <c>pg_error_description</c>.</summary>
    [EditorBrowsable(EditorBrowsableState.Never)]
    public sealed class ResponseErrorShape
    {
        /// <summary>Describes the error elements of an API area's replies.</summary>
        /// <param name="statusElement">The element holding the outcome.</param>
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

        /// <summary>The element holding the outcome, e.g. <c>pg_status</c>.</summary>
        public string StatusElement { get; }

        /// <summary>The outcome value that means failure, e.g. <c>error</c>.</summary>
        public string ErrorValue { get; }

        /// <summary>The element holding the error code, e.g. <c>pg_error_code</c>.</summary>
        public string CodeElement { get; }

        /// <summary>The element holding the error text, e.g. <c>pg_error_description</c>.</summary>
        public string DescriptionElement { get; }

        /// <summary>Error codes that may come unsigned (merchant not identified), e.g. <c>101</c> and <c>9998</c>.</summary>
        public IReadOnlyCollection<string> UnsignedCodes { get; }

        /// <summary>Whether an unsigned reply with this error code may be believed.</summary>
        internal bool MayBeUnsigned(string code) => WireText.IsOneOf(code, UnsignedCodes);
    }
}
