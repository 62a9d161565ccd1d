namespace FreedomPay.Runtime
{
    /// <summary>How an API area signs its requests (the spec's <c>auth:</c>).</summary>
    public enum AuthScheme
    {
        /// <summary>
        /// The Merchant API's <c>pg_sig</c>: md5 of the script name, the field values in order and the secret key,
        /// sent as a field; replies are signed the same way.
        /// </summary>
        PgSig = 0,

        /// <summary>A detached JWS (RFC 7515, HMAC SHA-256) over the exact body bytes, in the <c>X-JWS-Signature</c> header.</summary>
        JwsHs256 = 1,

        /// <summary>A detached JWS (RFC 7515, HMAC SHA-512) over the exact body bytes, in the <c>X-JWS-Signature</c> header.</summary>
        JwsHs512 = 2,

        /// <summary>The older Card API's <c>Sign</c> header: hex SHA-256 of the body followed by the secret key, with <c>Auth-Id</c>.</summary>
        Sha256Sign = 3,
    }
}
