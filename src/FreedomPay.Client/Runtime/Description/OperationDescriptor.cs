using System;
using System.Collections.Generic;
using System.Linq;
using System.ComponentModel;

namespace FreedomPay.Runtime
{
    /// <summary>
    /// Everything about one operation that the spec says and the runtime needs: where to send, how to sign (the
    /// request's <see cref="RequestFieldTable"/>), how to read the reply. Generated code creates one per operation.
    /// </summary>
    [EditorBrowsable(EditorBrowsableState.Never)]
    public sealed class OperationDescriptor
    {
        private static readonly ReplyElement[] NoElements = Array.Empty<ReplyElement>();
        private static readonly RequestHeader[] NoHeaders = Array.Empty<RequestHeader>();

        /// <summary>Describes an operation (called by generated code, with named arguments).</summary>
        /// <param name="area">The area the operation belongs to.</param>
        /// <param name="name">The operation's name, e.g. <c>Pay</c>.</param>
        /// <param name="httpMethod">POST or GET.</param>
        /// <param name="path">Path relative to the server URL.</param>
        /// <param name="scriptName">First segment of the signed text.</param>
        /// <param name="fields">The request's fields (which of them carry the merchant id, salt and signature).</param>
        /// <param name="safeToRetry">True only for operations that change nothing.</param>
        /// <param name="timeoutSeconds">How long one attempt waits; null for the client's default.</param>
        /// <param name="signedResponse">Whether replies carry a signature that must be verified.</param>
        /// <param name="reply">
        /// The reply's elements as the spec describes them: the status values, the payment id element and the masks
        /// are read from them.
        /// </param>
        /// <param name="headers">The request headers the spec adds (constant or generated), beyond those of the area's auth.</param>
        /// <param name="browserStep">The page a reply may send the buyer's browser to next (the spec's <c>browser-step</c>).</param>
        /// <param name="idempotent">The gateway answers a repeated request id with its first reply (the spec's <c>idempotent: request-id</c>).</param>
        public OperationDescriptor(
            AreaDescriptor area,
            string name,
            string httpMethod,
            string path,
            string scriptName,
            RequestFieldTable fields,
            bool safeToRetry = false,
            double? timeoutSeconds = null,
            bool signedResponse = true,
            IReadOnlyList<ReplyElement>? reply = null,
            IReadOnlyList<RequestHeader>? headers = null,
            BrowserStep? browserStep = null,
            bool idempotent = false)
        {
            if (area is null)
            {
                throw new ArgumentNullException(nameof(area));
            }

            Area = area.Name;
            Name = name ?? throw new ArgumentNullException(nameof(name));
            HttpMethod = httpMethod ?? throw new ArgumentNullException(nameof(httpMethod));
            Path = path ?? throw new ArgumentNullException(nameof(path));
            Template = new PathTemplate(path);
            ScriptName = scriptName ?? throw new ArgumentNullException(nameof(scriptName));
            Fields = fields ?? throw new ArgumentNullException(nameof(fields));
            SafeToRetry = safeToRetry;
            Timeout = timeoutSeconds is { } seconds ? TimeSpan.FromMilliseconds(Math.Round(seconds * 1000)) : null;
            SignedResponse = signedResponse;
            Encoding = area.Encoding;
            DefaultServer = area.DefaultServer;
            Errors = area.Errors;
            SecretName = area.SecretName;
            Auth = area.Auth;
            AuthKeyId = area.AuthKeyId;
            JwsHeader = area.JwsHeader;
            RequestIdVersion = area.RequestIdVersion;
            ServerAuth = area.ServerAuth;
            ServerHeaders = area.ServerHeaders;
            Headers = headers ?? NoHeaders;
            Reply = reply ?? NoElements;
            foreach (ReplyElement element in Reply)
            {
                if (element.Name == area.Errors.StatusElement && element.Kind == ReplyElementKind.Enum && !element.Repeated)
                {
                    StatusValues = element.AllowedValues;
                }

                PaymentIdElement ??= element.IsPaymentId ? element.Name : null;
            }

            Masks = ReplyMasks.For(Reply);
            DisplayName = area.Name + "." + name;
            BrowserStep = browserStep;
            HasRequestId = Headers.Any(h => h.Source == HeaderSource.RequestId) || fields.RequestIdField is not null;
            IdempotentByRequestId = idempotent && HasRequestId;
        }

        /// <summary>
        /// The gateway deduplicates the call by its request id (the spec's <c>idempotent: request-id</c>): a call that
        /// moves money is then retried like a safe one, under the same id, and the gateway answers a repeat with its
        /// first reply.
        /// </summary>
        public bool IdempotentByRequestId { get; }

        /// <summary>Whether a request id goes with the call (a header or a body field the client fills with one).</summary>
        public bool HasRequestId { get; }

        /// <summary>The UUID version of the request ids the client makes (<see cref="AreaDescriptor.RequestIdVersion"/>).</summary>
        internal int RequestIdVersion { get; }

        /// <summary>Servers that sign otherwise than <see cref="Auth"/> (<see cref="AreaDescriptor.ServerAuth"/>).</summary>
        internal IReadOnlyList<KeyValuePair<Uri, AuthScheme>> ServerAuth { get; }

        /// <summary>Headers servers add to every call (<see cref="AreaDescriptor.ServerHeaders"/>).</summary>
        internal IReadOnlyList<KeyValuePair<Uri, IReadOnlyList<RequestHeader>>> ServerHeaders { get; }

        /// <summary>The scheme that signs a call to <paramref name="server"/> (<see cref="AreaDescriptor.ServerAuth"/>, else <see cref="Auth"/>).</summary>
        internal AuthScheme AuthAt(Uri server) => At(ServerAuth, server, out AuthScheme scheme) ? scheme : Auth;

        /// <summary>The headers a call to <paramref name="server"/> carries: the operation's, then the server's own.</summary>
        internal IReadOnlyList<RequestHeader> HeadersAt(Uri server) =>
            ServerHeadersAt(server) is { Count: > 0 } added ? Headers.Concat(added).ToArray() : Headers;

        /// <summary>The headers <paramref name="server"/> adds to every call (<see cref="AreaDescriptor.ServerHeaders"/>); none for most.</summary>
        internal IReadOnlyList<RequestHeader> ServerHeadersAt(Uri server) =>
            At(ServerHeaders, server, out IReadOnlyList<RequestHeader>? added) ? added! : NoHeaders;

        /// <summary>Whether a call to <paramref name="server"/> carries a request id (<see cref="HasRequestId"/>, or a server's header).</summary>
        internal bool HasRequestIdAt(Uri server) => HasRequestId || ServerHeadersAt(server).Any(h => h.Source == HeaderSource.RequestId);

        /// <summary>The entry for <paramref name="server"/>, told by scheme, host and port (any path, as base addresses differ in theirs).</summary>
        private static bool At<T>(IReadOnlyList<KeyValuePair<Uri, T>> entries, Uri server, out T? value)
        {
            foreach (KeyValuePair<Uri, T> entry in entries)
            {
                if (Uri.Compare(entry.Key, server, UriComponents.SchemeAndServer, UriFormat.SafeUnescaped, StringComparison.OrdinalIgnoreCase) == 0)
                {
                    value = entry.Value;
                    return true;
                }
            }

            value = default;
            return false;
        }

        /// <summary>Every scheme a call of the operation may be signed with (the sandbox accepts each).</summary>
        internal IEnumerable<AuthScheme> AuthSchemes => new[] { Auth }.Concat(ServerAuth.Select(entry => entry.Value)).Distinct();

        /// <summary>Whether a failed attempt may be sent again: a safe operation, or one the gateway deduplicates.</summary>
        internal bool Retryable => SafeToRetry || IdempotentByRequestId;

        /// <summary>The page a reply may send the buyer's browser to next (3-D Secure), or null (the spec's <c>browser-step</c>).</summary>
        public BrowserStep? BrowserStep { get; }

        /// <summary>The API area, e.g. <c>MobileBalance</c>.</summary>
        public string Area { get; }

        /// <summary>The operation, e.g. <c>Pay</c>.</summary>
        public string Name { get; }

        /// <summary><c>MobileBalance.Pay</c>: how errors and logs name the operation.</summary>
        public string DisplayName { get; }

        /// <summary>POST or GET.</summary>
        public string HttpMethod { get; }

        /// <summary>
        /// Path relative to the server URL, e.g. <c>mfs/pay</c>; whole segments in braces are parameters:
        /// <c>{merchant-id}</c> (the client's merchant id) or a request field whose value goes there instead of the body.
        /// </summary>
        public string Path { get; }

        /// <summary>The path's parameters (<c>{merchant-id}</c>, request fields), parsed once.</summary>
        internal PathTemplate Template { get; }

        /// <summary>First segment of the signed text, e.g. <c>pay</c>.</summary>
        public string ScriptName { get; }

        /// <summary>The request's fields, including the merchant id, salt and signature the client fills.</summary>
        public RequestFieldTable Fields { get; }

        /// <summary>True only for operations that change nothing (status): they may be sent again.</summary>
        public bool SafeToRetry { get; }

        /// <summary>How long one attempt waits for the reply (the spec's 'timeout'); null for the client's default.</summary>
        public TimeSpan? Timeout { get; }

        /// <summary>Whether replies carry a signature that must be verified.</summary>
        public bool SignedResponse { get; }

        /// <summary>Field that carries the merchant id, if any.</summary>
        public string? MerchantIdField => Fields.MerchantIdField;

        /// <summary>Field that carries the random salt, if any.</summary>
        public string? SaltField => Fields.SaltField;

        /// <summary>Field that carries the signature, if the request is signed.</summary>
        public string? SignatureField => Fields.SignatureField;

        /// <summary>How the request body is encoded.</summary>
        public RequestEncoding Encoding { get; }

        /// <summary>The server used when the options give no base address.</summary>
        public Uri DefaultServer { get; }

        /// <summary>Where replies say they failed.</summary>
        public ResponseErrorShape Errors { get; }

        /// <summary>The name of the secret key that signs the operation (<c>payout</c>), or null for the merchant's main key.</summary>
        public string? SecretName { get; }

        /// <summary>How the request is signed (the area's <c>auth:</c>).</summary>
        public AuthScheme Auth { get; }

        /// <summary>The JWS protected-header member that carries the merchant id.</summary>
        public string AuthKeyId { get; }

        /// <summary>The JWS protected header's shape (the area's).</summary>
        public JwsHeaderShape JwsHeader { get; }

        /// <summary>The request headers the spec adds.</summary>
        public IReadOnlyList<RequestHeader> Headers { get; }

        /// <summary>
        /// The status values (<see cref="ResponseErrorShape.StatusElement"/>) the spec lists for the reply, or null when
        /// it lists none. A reply with another value is one this client cannot interpret: never treat it as success.
        /// </summary>
        public IReadOnlyList<string>? StatusValues { get; }

        /// <summary>The reply element that identifies the payment, if any (the spec's <c>role: payment-id</c>).</summary>
        public string? PaymentIdElement { get; }

        /// <summary>The reply's elements as the spec describes them (empty when it describes none).</summary>
        public IReadOnlyList<ReplyElement> Reply { get; }

        /// <summary>The reply elements the spec marks sensitive (beyond the signature, which is always hidden); null when none.</summary>
        internal ReplyMasks? Masks { get; }

        /// <summary>
        /// Whether a reply element is one any reply may carry, described or not: the status, the error elements, the
        /// salt and the signature (drift checks leave them out).
        /// </summary>
        internal bool IsProtocolElement(string name) =>
            name == Errors.StatusElement || name == Errors.CodeElement || name == Errors.DescriptionElement
            || name == (SaltField ?? PgSignature.SaltField) || name == (SignatureField ?? PgSignature.SignatureField);

        /// <summary>Whether a reply's status is one the spec lists (true when the spec lists none).</summary>
        public bool IsKnownStatus(string? status) => StatusValues is null || WireText.IsOneOf(status, StatusValues);
    }
}
