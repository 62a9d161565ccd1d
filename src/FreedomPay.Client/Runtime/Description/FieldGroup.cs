using System;
using System.Collections.Generic;
using System.ComponentModel;

namespace FreedomPay.Runtime
{
    /// <summary>
    /// A conditional requirement between request fields, e.g. a card token or a card id. Checked with the other rules
    /// before anything is sent; a broken group is one validation error naming the group.
    /// </summary>
    [EditorBrowsable(EditorBrowsableState.Advanced)]
    public sealed class FieldGroup
    {
        private FieldGroup(FieldGroupKind kind, string[] fields)
        {
            Kind = kind;
            Fields = fields;
        }

        /// <summary>What the group requires.</summary>
        public FieldGroupKind Kind { get; }

        /// <summary>The fields by wire name; for <see cref="FieldGroupKind.RequiredUnless"/> the required field first.</summary>
        public IReadOnlyList<string> Fields { get; }

        /// <summary>Exactly one of the fields is given (called by generated code).</summary>
        [EditorBrowsable(EditorBrowsableState.Never)]
        public static FieldGroup OneOf(params string[] wireNames) =>
            new FieldGroup(FieldGroupKind.OneOf, wireNames is { Length: >= 2 } ? wireNames : throw new ArgumentException("A one-of group needs two or more fields.", nameof(wireNames)));

        /// <summary><paramref name="field"/> is required unless one of <paramref name="unless"/> is given (called by generated code).</summary>
        [EditorBrowsable(EditorBrowsableState.Never)]
        public static FieldGroup RequiredUnless(string field, params string[] unless)
        {
            if (field is null || unless is not { Length: >= 1 })
            {
                throw new ArgumentException("A required-unless group needs a field and at least one field that makes it optional.", nameof(unless));
            }

            var fields = new string[unless.Length + 1];
            fields[0] = field;
            unless.CopyTo(fields, 1);
            return new FieldGroup(FieldGroupKind.RequiredUnless, fields);
        }

        /// <summary>
        /// The expiry <paramref name="month"/> and <paramref name="year"/> of a card, which must not have passed when
        /// the request is sent (called by generated code).
        /// </summary>
        [EditorBrowsable(EditorBrowsableState.Never)]
        public static FieldGroup CardExpiry(string month, string year) =>
            new FieldGroup(FieldGroupKind.CardExpiry, new[] { month ?? throw new ArgumentNullException(nameof(month)), year ?? throw new ArgumentNullException(nameof(year)) });

        /// <summary>The group as a rule: <c>one of pg_card_token, pg_card_id</c>.</summary>
        public override string ToString() => Kind switch
        {
            FieldGroupKind.OneOf => "one of " + string.Join(", ", Fields),
            FieldGroupKind.CardExpiry => "card expiry " + Fields[0] + "/" + Fields[1],
            _ => Fields[0] + " unless " + string.Join(" or ", Skip1()),
        };

        private IEnumerable<string> Skip1()
        {
            for (int i = 1; i < Fields.Count; i++)
            {
                yield return Fields[i];
            }
        }
    }
}
