using System.Collections.Generic;

namespace FreedomPay.Runtime
{
    /// <summary>What one attempt sends: form fields (signed with <c>pg_sig</c>) or JSON bytes, and the headers to add.</summary>
    internal sealed class OutgoingBody
    {
        public OutgoingBody(FormFieldList fields, IReadOnlyList<KeyValuePair<string, string>>? headers)
        {
            Fields = fields;
            Headers = headers;
        }

        public OutgoingBody(System.ArraySegment<byte> json, IReadOnlyList<KeyValuePair<string, string>>? headers)
        {
            Json = json;
            Headers = headers;
        }

        public FormFieldList? Fields { get; }

        /// <summary>The JSON body, exactly as signed; empty (no array) for a form.</summary>
        public System.ArraySegment<byte> Json { get; }

        public IReadOnlyList<KeyValuePair<string, string>>? Headers { get; }
    }
}
