using System;
using System.Collections.Generic;
using System.Linq;
using FreedomPay.Runtime;

namespace FreedomPay
{
    /// <summary>
    /// A call no spec describes yet, sent through the same connection as generated ones: the client adds the merchant
    /// id, a fresh salt and the signature, applies its limits, logs and traces it, verifies the reply's signature and
    /// never sends it twice unless <see cref="SafeToRetry"/> says it changes nothing. Describe the call in YAML as soon
    /// as it is used for real: that gives it types, rules and a sandbox emulation.
    /// <code>
    /// var reply = await client.SendRawAsync(new RawRequest("api/balance_status", new Dictionary&lt;string, string&gt;()) { SafeToRetry = true });
    /// string? balance = reply.Raw.Root.GetString("pg_balance");
    /// </code>
    /// </summary>
    public sealed class RawRequest
    {
        /// <summary>The most fields a raw request may carry.</summary>
        public const int MaxFields = 256;

        private static readonly string[] Filled = { "pg_merchant_id", PgSignature.SaltField, PgSignature.SignatureField };

        /// <summary>Describes a raw call.</summary>
        /// <param name="path">The path relative to the server, e.g. <c>api/balance_status</c>.</param>
        /// <param name="fields">The fields by wire name (the merchant id, salt and signature are added by the client).</param>
        /// <exception cref="ArgumentException">The path is not a relative path, or a field cannot be sent as given.</exception>
        public RawRequest(string path, IReadOnlyDictionary<string, string> fields)
        {
            path = path?.TrimStart('/') ?? throw new ArgumentNullException(nameof(path));
            if (path.Length == 0 || path.EndsWith("/", StringComparison.Ordinal) || path.IndexOfAny(new[] { '?', '#', '\\', '{', '}' }) >= 0
                || path.Split('/').Any(PathTemplate.IsUnsafeRawSegment) || Uri.TryCreate(path, UriKind.Absolute, out _))
            {
                throw new ArgumentException($"'{path}' is not a path relative to the gateway (e.g. 'api/balance_status'): no scheme, query, '..' or empty segments, escaped dots or slashes.", nameof(path));
            }

            Fields = fields ?? throw new ArgumentNullException(nameof(fields));
            if (fields.Count > MaxFields)
            {
                throw new ArgumentException($"A raw request may carry at most {MaxFields} fields.", nameof(fields));
            }

            foreach (KeyValuePair<string, string> field in fields)
            {
                if (string.IsNullOrEmpty(field.Key) || Array.IndexOf(Filled, field.Key) >= 0 || field.Value is null)
                {
                    throw new ArgumentException($"Field '{field.Key}' cannot be sent: names must not be empty, values not null, and the client fills pg_merchant_id, pg_salt and pg_sig itself.", nameof(fields));
                }
            }

            Path = path;
        }

        /// <summary>The path relative to the server, e.g. <c>api/balance_status</c>.</summary>
        public string Path { get; }

        /// <summary>The fields by wire name.</summary>
        public IReadOnlyDictionary<string, string> Fields { get; }

        /// <summary>The first segment of the signed text; by default the last path segment (<c>balance_status</c>).</summary>
        public string? SignatureScript { get; set; }

        /// <summary>POST (the default) or GET.</summary>
        public string HttpMethod { get; set; } = "POST";

        /// <summary>How a POST body is encoded (multipart by default, as the Merchant API takes it).</summary>
        public RequestEncoding Encoding { get; set; }

        /// <summary>True only when the call changes nothing: then it is retried on network errors. Default false.</summary>
        public bool SafeToRetry { get; set; }

        /// <summary>Whether the reply carries a signature that must be verified. Default true.</summary>
        public bool SignedResponse { get; set; } = true;

        /// <summary>The server when the client's options give no base address; by default the Merchant API's.</summary>
        public Uri? Server { get; set; }

        /// <summary>The operation the connection sends: a field table made from the fields given, in their order.</summary>
        internal OperationDescriptor Describe()
        {
            if (HttpMethod != "POST" && HttpMethod != "GET")
            {
                throw new ArgumentException("A raw request is sent with POST or GET.", nameof(HttpMethod));
            }

            string script = SignatureScript ?? Path.Substring(Path.LastIndexOf('/') + 1);
            var table = new List<RequestField> { RequestField.Filled(Filled[0], FieldRole.MerchantId) };
            table.AddRange(Fields.Keys.Select(name => RequestField.Text(name, name)));
            table.Add(RequestField.Filled(PgSignature.SaltField, FieldRole.Salt));
            table.Add(RequestField.Filled(PgSignature.SignatureField, FieldRole.Signature));
            var area = new AreaDescriptor(
                "Raw",
                Encoding,
                Server ?? PackagedAreas.All[0][0].Descriptor.DefaultServer,
                PackagedAreas.All[0][0].Descriptor.Errors);
            return new OperationDescriptor(area, script, HttpMethod, Path, script, new RequestFieldTable("RawRequest", table.ToArray()), SafeToRetry, signedResponse: SignedResponse);
        }
    }

    /// <summary>The verified reply of a <see cref="RawRequest"/>: its elements in <see cref="Runtime.FreedomPayResponse.Raw"/>.</summary>
    public sealed class RawResponse : FreedomPayResponse
    {
        internal RawResponse(PgResponse raw)
            : base(raw)
        {
        }
    }

    /// <summary>A raw request's values, handed to the runtime's visitors like a generated request's.</summary>
    internal sealed class RawFields(RequestFieldTable table, IReadOnlyDictionary<string, string> values) : FreedomPayRequest
    {
        protected override RequestFieldTable Fields => table;

        protected override void Accept<TVisitor>(ref TVisitor visitor)
        {
            for (int i = 0; i < table.Count; i++)
            {
                if (table[i].IsCallerValue)
                {
                    visitor.Text(i, values[table[i].WireName]);
                }
            }
        }
    }
}
