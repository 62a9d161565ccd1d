using System;
using System.ComponentModel;

namespace FreedomPay.Runtime
{
    /// <summary>
    /// The protected header of an area's detached JWS as the spec describes it (<c>auth: { key-id, key-id-type,
    /// path-member }</c>): the member that carries the merchant id and its JSON type, and the member that carries the
    /// request's path. The docs disagree with themselves here (the Invoice page's text shows <c>uri</c> and a string;
    /// its example token, which verifies, has <c>path</c> and a number), so the shape is the spec's to say and a YAML
    /// edit to fix.
    /// </summary>
    [EditorBrowsable(EditorBrowsableState.Advanced)]
    public sealed class JwsHeaderShape
    {
        /// <summary>The shape every example of the Gateway Async, Card and Partner APIs shows: <c>uri</c> and a string <c>auth_id</c>.</summary>
        public static JwsHeaderShape Default { get; } = new JwsHeaderShape("auth_id", keyIdIsNumber: false, "uri");

        /// <summary>Describes a protected header.</summary>
        /// <param name="keyIdMember">The member that carries the merchant id (<c>auth_id</c>, <c>merchant_id</c>).</param>
        /// <param name="keyIdIsNumber">Whether the merchant id is written as a JSON number (else a string).</param>
        /// <param name="pathMember">The member that carries the request's path (<c>uri</c>, <c>path</c>).</param>
        public JwsHeaderShape(string keyIdMember, bool keyIdIsNumber, string pathMember)
        {
            KeyIdMember = keyIdMember ?? throw new ArgumentNullException(nameof(keyIdMember));
            KeyIdIsNumber = keyIdIsNumber;
            PathMember = pathMember ?? throw new ArgumentNullException(nameof(pathMember));
        }

        /// <summary>The member that carries the merchant id.</summary>
        public string KeyIdMember { get; }

        /// <summary>Whether the merchant id is a JSON number (<c>123456</c>) rather than a string (<c>"123456"</c>).</summary>
        public bool KeyIdIsNumber { get; }

        /// <summary>The member that carries the request's path from the server root.</summary>
        public string PathMember { get; }

        /// <summary>The shape as the spec would write it.</summary>
        public override string ToString() => $"{{ {PathMember}, {KeyIdMember}: {(KeyIdIsNumber ? "number" : "string")}, method, params, alg }}";
    }
}
