using System;

namespace FreedomPay.Runtime
{
    /// <summary>Base of every generated response: the typed properties live in the subclass, the raw reply here.</summary>
    public abstract class FreedomPayResponse : FreedomPayReplyPart
    {
        /// <summary>Keeps the raw reply (called by generated code).</summary>
        protected FreedomPayResponse(PgResponse raw) => Raw = raw ?? throw new ArgumentNullException(nameof(raw));

        /// <summary>Every element of the reply, including those the spec does not describe.</summary>
        public PgResponse Raw { get; }

        /// <summary>The request id the call was sent with (X-Request-Id), to find the call again; null when the operation sends none.</summary>
        public string? RequestId => Raw.RequestId;

        /// <summary>The reply's XML exactly as received.</summary>
        public string RawXml => Raw.Xml;
    }
}
