using System;
using System.Collections.Generic;
using System.ComponentModel;

namespace FreedomPay.Runtime
{
    /// <summary>How FreedomPay sends and reads replies of a request body.</summary>
    public enum RequestEncoding
    {
        /// <summary>multipart/form-data, one part per field.</summary>
        Multipart = 0,

        /// <summary>application/x-www-form-urlencoded.</summary>
        UrlEncoded = 1,
    }

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

    /// <summary>
    /// Everything about one operation that the spec says and the runtime needs: where to send, how to sign, how to
    /// read the reply. Generated code creates one per operation.
    /// </summary>
    [EditorBrowsable(EditorBrowsableState.Never)]
    public sealed class OperationDescriptor
    {
        /// <summary>Describes an operation (called by generated code).</summary>
        public OperationDescriptor(
            string area,
            string name,
            string httpMethod,
            string path,
            string scriptName,
            bool safeToRetry,
            TimeSpan? timeout,
            bool signedResponse,
            string? merchantIdField,
            string? saltField,
            string? signatureField,
            RequestEncoding encoding,
            Uri defaultServer,
            ResponseErrorShape errors,
            IReadOnlyList<string>? statusValues = null)
        {
            Area = area;
            Name = name;
            HttpMethod = httpMethod;
            Path = path;
            ScriptName = scriptName;
            SafeToRetry = safeToRetry;
            Timeout = timeout;
            SignedResponse = signedResponse;
            MerchantIdField = merchantIdField;
            SaltField = saltField;
            SignatureField = signatureField;
            Encoding = encoding;
            DefaultServer = defaultServer;
            Errors = errors;
            StatusValues = statusValues;
            DisplayName = area + "." + name;
        }

        /// <summary>The API area, e.g. <c>MobileBalance</c>.</summary>
        public string Area { get; }

        /// <summary>The operation, e.g. <c>Pay</c>.</summary>
        public string Name { get; }

        /// <summary><c>MobileBalance.Pay</c>: how errors and logs name the operation.</summary>
        public string DisplayName { get; }

        /// <summary>POST or GET.</summary>
        public string HttpMethod { get; }

        /// <summary>Path relative to the server URL, e.g. <c>mfs/pay</c>.</summary>
        public string Path { get; }

        /// <summary>First segment of the signed text, e.g. <c>pay</c>.</summary>
        public string ScriptName { get; }

        /// <summary>True only for operations that change nothing (status): they may be sent again.</summary>
        public bool SafeToRetry { get; }

        /// <summary>How long one attempt waits for the reply (the spec's 'timeout'); null for the client's default.</summary>
        public TimeSpan? Timeout { get; }

        /// <summary>Whether replies carry a <c>pg_sig</c> that must be verified.</summary>
        public bool SignedResponse { get; }

        /// <summary>Field that carries the merchant id, if any.</summary>
        public string? MerchantIdField { get; }

        /// <summary>Field that carries the random salt, if any.</summary>
        public string? SaltField { get; }

        /// <summary>Field that carries the signature, if the request is signed.</summary>
        public string? SignatureField { get; }

        /// <summary>How the request body is encoded.</summary>
        public RequestEncoding Encoding { get; }

        /// <summary>The server used when the options give no base address.</summary>
        public Uri DefaultServer { get; }

        /// <summary>Where replies say they failed.</summary>
        public ResponseErrorShape Errors { get; }

        /// <summary>
        /// The status values (<see cref="ResponseErrorShape.StatusElement"/>) the spec lists for the reply, or null when
        /// it lists none. A reply with another value is one this client cannot interpret: never treat it as success.
        /// </summary>
        public IReadOnlyList<string>? StatusValues { get; }

        /// <summary>Whether a reply's status is one the spec lists (true when the spec lists none).</summary>
        public bool IsKnownStatus(string? status) => StatusValues is null || WireText.IsOneOf(status, StatusValues);
    }
}
