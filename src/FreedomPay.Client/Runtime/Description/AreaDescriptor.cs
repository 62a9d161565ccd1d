using System;
using System.Collections.Generic;
using System.ComponentModel;

namespace FreedomPay.Runtime
{
    /// <summary>What every operation of an API area shares: its name, body encoding, default server and error elements.</summary>
    [EditorBrowsable(EditorBrowsableState.Never)]
    public sealed class AreaDescriptor
    {
        /// <summary>Describes an area (called by generated code).</summary>
        /// <param name="name">The area's name.</param>
        /// <param name="encoding">How request bodies are encoded.</param>
        /// <param name="defaultServer">The server used when the options give no base address.</param>
        /// <param name="errors">Where replies say they failed.</param>
        /// <param name="secretName">
        /// The spec's <c>secret:</c>: the name of the key in <see cref="FreedomPayClientOptions.SecretKeys"/> that signs
        /// the area's requests and replies (payouts have a key of their own); null for the merchant's
        /// <see cref="FreedomPayClientOptions.SecretKey"/>.
        /// </param>
        /// <param name="auth">The spec's <c>auth:</c>: how requests are signed (<c>pg_sig</c> by default).</param>
        /// <param name="authKeyId">
        /// The protected-header member of a JWS that carries the merchant id (the spec's <c>auth: { key-id: }</c>,
        /// <c>auth_id</c> by default; the Invoice API writes <c>merchant_id</c>).
        /// </param>
        /// <param name="authKeyIdNumber">Whether that member is a JSON number (the spec's <c>key-id-type: number</c>); a string by default.</param>
        /// <param name="authPathMember">The protected-header member that carries the request's path (the spec's <c>path-member</c>, <c>uri</c> by default).</param>
        public AreaDescriptor(string name, RequestEncoding encoding, Uri defaultServer, ResponseErrorShape errors, string? secretName = null, AuthScheme auth = AuthScheme.PgSig, string authKeyId = "auth_id", bool authKeyIdNumber = false, string authPathMember = "uri")
        {
            Name = name ?? throw new ArgumentNullException(nameof(name));
            Encoding = encoding;
            DefaultServer = defaultServer ?? throw new ArgumentNullException(nameof(defaultServer));
            Errors = errors ?? throw new ArgumentNullException(nameof(errors));
            SecretName = secretName;
            Auth = auth;
            AuthKeyId = authKeyId ?? throw new ArgumentNullException(nameof(authKeyId));
            JwsHeader = new JwsHeaderShape(authKeyId, authKeyIdNumber, authPathMember ?? throw new ArgumentNullException(nameof(authPathMember)));
        }

        /// <summary>How the area's requests are signed.</summary>
        public AuthScheme Auth { get; }

        /// <summary>The JWS protected-header member that carries the merchant id.</summary>
        public string AuthKeyId { get; }

        /// <summary>The JWS protected header's shape: the merchant id's member and type, the path's member.</summary>
        public JwsHeaderShape JwsHeader { get; }

        /// <summary>The API area, e.g. <c>MobileBalance</c>.</summary>
        public string Name { get; }

        /// <summary>The name of the secret key that signs the area (<c>payout</c>), or null for the merchant's main key.</summary>
        public string? SecretName { get; }

        /// <summary>How request bodies are encoded.</summary>
        public RequestEncoding Encoding { get; }

        /// <summary>The server used when the options give no base address.</summary>
        public Uri DefaultServer { get; }

        /// <summary>Where replies say they failed.</summary>
        public ResponseErrorShape Errors { get; }

        /// <summary>
        /// The UUID version of the request ids the client makes for the area's calls: 4 (random, the default) or 7
        /// (time-ordered, RFC 9562; the spec's <c>request-id-format: uuid-v7</c>).
        /// </summary>
        public int RequestIdVersion { get; init; } = 4;

        /// <summary>
        /// Servers that sign otherwise than <see cref="Auth"/> (the spec's <c>auth:</c> on a server: the Card API's
        /// <c>Sign</c> header on .uz, a JWS elsewhere). A call uses the scheme of the server it goes to, told by its
        /// scheme, host and port; any other address (a sandbox, a proxy) gets <see cref="Auth"/>.
        /// </summary>
        public IReadOnlyList<KeyValuePair<Uri, AuthScheme>> ServerAuth { get; init; } = Array.Empty<KeyValuePair<Uri, AuthScheme>>();

        /// <summary>
        /// Headers a server adds to every call made to it (the spec's <c>headers:</c> on a server: the .uz Card API's
        /// <c>Request-Id</c>), told by scheme, host and port as <see cref="ServerAuth"/> is.
        /// </summary>
        public IReadOnlyList<KeyValuePair<Uri, IReadOnlyList<RequestHeader>>> ServerHeaders { get; init; } = Array.Empty<KeyValuePair<Uri, IReadOnlyList<RequestHeader>>>();
    }
}
