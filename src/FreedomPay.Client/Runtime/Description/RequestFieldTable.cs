using System;
using System.Collections.Generic;
using System.ComponentModel;

namespace FreedomPay.Runtime
{
    /// <summary>
    /// Every field of one request type, in wire order, as generated once from the spec. Indexes into <see cref="All"/>
    /// are how a request's <see cref="FreedomPayRequestPart.Accept{TVisitor}"/> names its values. The lookups the
    /// runtime needs on every call (who is the merchant id, salt, signature, payment id) are found here once.
    /// </summary>
    [EditorBrowsable(EditorBrowsableState.Advanced)]
    public sealed class RequestFieldTable
    {
        private readonly RequestField[] _fields;
        private readonly Dictionary<string, FieldSensitivity> _sensitive = new Dictionary<string, FieldSensitivity>(StringComparer.Ordinal);

        /// <summary>Lists a request's fields and the conditional requirements between them (called by generated code).</summary>
        /// <param name="requestName">The request type's name, for messages.</param>
        /// <param name="groups">One-of and required-unless groups, by wire name.</param>
        /// <param name="fields">Every field in wire order: the merchant id and constants first, the salt and signature last.</param>
        public RequestFieldTable(string requestName, FieldGroup[] groups, params RequestField[] fields)
            : this(requestName, fields)
        {
            Groups = groups ?? throw new ArgumentNullException(nameof(groups));
            var indexes = new int[groups.Length][];
            for (int g = 0; g < groups.Length; g++)
            {
                FieldGroup group = groups[g] ?? throw new ArgumentException($"Group {g} of {requestName} is null.", nameof(groups));
                indexes[g] = new int[group.Fields.Count];
                for (int i = 0; i < group.Fields.Count; i++)
                {
                    indexes[g][i] = IndexOf(group.Fields[i]) is { } index && _fields[index].IsCallerValue
                        ? index
                        : throw new ArgumentException($"{requestName} has no caller field '{group.Fields[i]}' (group {group}).", nameof(groups));
                }
            }

            GroupIndexes = indexes;
            foreach (FieldGroup group in groups)
            {
                HasCardExpiry |= group.Kind == FieldGroupKind.CardExpiry;
            }
        }

        /// <summary>Lists a request's fields (called by generated code).</summary>
        /// <param name="requestName">The request type's name, for messages.</param>
        /// <param name="fields">Every field in wire order: the merchant id and constants first, the salt and signature last.</param>
        public RequestFieldTable(string requestName, params RequestField[] fields)
        {
            RequestName = requestName ?? throw new ArgumentNullException(nameof(requestName));
            _fields = fields ?? throw new ArgumentNullException(nameof(fields));
            var callerFields = new List<RequestField>(fields.Length);
            PaymentIdIndex = -1;
            for (int i = 0; i < fields.Length; i++)
            {
                RequestField field = fields[i] ?? throw new ArgumentException($"Field {i} of {requestName} is null.", nameof(fields));
                switch (field.Role)
                {
                    case FieldRole.MerchantId: MerchantIdField = field.WireName; break;
                    case FieldRole.Salt: SaltField = field.WireName; break;
                    case FieldRole.Signature: SignatureField = field.WireName; break;
                    case FieldRole.RequestId: RequestIdField = field.WireName; break;
                    case FieldRole.PaymentId: PaymentIdIndex = PaymentIdIndex < 0 ? i : PaymentIdIndex; break;
                }

                if (field.IsCallerValue)
                {
                    callerFields.Add(field);
                }

                if (field.Sensitivity != FieldSensitivity.None)
                {
                    _sensitive[field.WireName] = field.Sensitivity;
                }
            }

            CallerFields = callerFields;
        }

        /// <summary>The conditional requirements between fields (empty for most requests).</summary>
        public IReadOnlyList<FieldGroup> Groups { get; } = Array.Empty<FieldGroup>();

        /// <summary>Whether a group checks a card's expiry (validation then keeps the fields' text).</summary>
        internal bool HasCardExpiry { get; }

        /// <summary>For each group, the indexes of its fields.</summary>
        internal int[][] GroupIndexes { get; } = Array.Empty<int[]>();

        /// <summary>The request type's name, e.g. <c>PayRequest</c>.</summary>
        public string RequestName { get; }

        /// <summary>Every field in wire order.</summary>
        public IReadOnlyList<RequestField> All => _fields;

        /// <summary>The fields the caller gives (not constants, nor those the client fills), in wire order.</summary>
        public IReadOnlyList<RequestField> CallerFields { get; }

        /// <summary>The field that carries the merchant id, if any.</summary>
        public string? MerchantIdField { get; }

        /// <summary>The field that carries the random salt, if any.</summary>
        public string? SaltField { get; }

        /// <summary>The field that carries the call's request id, if the body carries one.</summary>
        public string? RequestIdField { get; }

        /// <summary>The field that carries the signature, if the request is signed.</summary>
        public string? SignatureField { get; }

        /// <summary>Index of the field that identifies the payment (for logs and traces), or -1.</summary>
        public int PaymentIdIndex { get; }

        /// <summary>
        /// How a field's value may be shown (unknown names are shown as they are). An item's field is found by its
        /// form name (<c>pg_receipt_positions[0][name]</c>) in the item's own table.
        /// </summary>
        public FieldSensitivity SensitivityOf(string wireName)
        {
            if (wireName is null)
            {
                throw new ArgumentNullException(nameof(wireName));
            }

            if (_sensitive.TryGetValue(wireName, out FieldSensitivity sensitivity))
            {
                return sensitivity;
            }

            // Each step down is one level of the spec's nesting, however long the name: the depth is the spec's.
            int open = wireName.IndexOf('[');
            if (open <= 0 || IndexOf(wireName.Substring(0, open)) is not { } index || _fields[index].Items is not { } items)
            {
                return FieldSensitivity.None;
            }

            string rest = wireName.Substring(open);
            if (_fields[index].Kind == FieldKind.List)
            {
                int close = rest.IndexOf(']');
                rest = close < 0 ? string.Empty : rest.Substring(close + 1);
            }

            int end = rest.IndexOf(']');
            return rest.Length < 3 || rest[0] != '[' || end < 0
                ? FieldSensitivity.None
                : items.SensitivityOf(rest.Substring(1, end - 1) + rest.Substring(end + 1));
        }

        /// <summary>A field's value as logs, messages and tools may show it.</summary>
        public string Redact(string wireName, string value) => Redaction.Apply(SensitivityOf(wireName), value);

        /// <summary>How many fields the table has (indexed without an enumerator on the call path).</summary>
        internal int Count => _fields.Length;

        /// <summary>Whether the table lists a field of that wire name.</summary>
        internal bool Contains(string wireName) => IndexOf(wireName) is not null;

        /// <summary>The index of a field by wire name, or null.</summary>
        private int? IndexOf(string wireName)
        {
            for (int i = 0; i < _fields.Length; i++)
            {
                if (string.Equals(_fields[i].WireName, wireName, StringComparison.Ordinal))
                {
                    return i;
                }
            }

            return null;
        }

        internal RequestField this[int index] => _fields[index];
    }
}
