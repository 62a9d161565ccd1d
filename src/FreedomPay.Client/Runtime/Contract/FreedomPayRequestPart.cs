using System.ComponentModel;

namespace FreedomPay.Runtime
{
    /// <summary>
    /// Base of every generated set of request fields: a request (<see cref="FreedomPayRequest"/>), or an item of one
    /// of its lists or nested objects (<c>ReceiptPosition</c>). The typed properties live in the subclass, which lists
    /// its fields once (<see cref="Fields"/>) and hands its values to the runtime's visitors
    /// (<see cref="Accept{TVisitor}"/>). The connection validates, writes and logs requests through these, an item
    /// under its parent's wire name (<c>pg_receipt_positions[0][name]</c>). The protected factories build the field table.
    /// </summary>
    public abstract class FreedomPayRequestPart
    {
        /// <summary>Called by generated classes (a request, or an item of a request).</summary>
        protected FreedomPayRequestPart()
        {
        }

        /// <summary>The type's fields, as the spec describes them (generated).</summary>
        [EditorBrowsable(EditorBrowsableState.Never)]
        protected abstract RequestFieldTable Fields { get; }

        /// <summary>The set values, those the spec marks sensitive masked, e.g. <c>PayRequest { pg_payment_id = 42, pg_abonent_phone = 7701*****77 }</c>.</summary>
        public override string ToString() => RequestDescription.Of(this);

        internal RequestFieldTable RuntimeFields => Fields;

        /// <summary>Hands every caller value to the visitor, in table order, with its field index (generated).</summary>
        [EditorBrowsable(EditorBrowsableState.Never)]
        protected abstract void Accept<TVisitor>(ref TVisitor visitor)
            where TVisitor : struct, IFieldVisitor;

        internal void Visit<TVisitor>(ref TVisitor visitor)
            where TVisitor : struct, IFieldVisitor => Accept(ref visitor);

#if NET6_0_OR_GREATER
        /// <summary>A <c>date</c> field's value as the runtime takes it: the date-time of its midnight, written in the field's format.</summary>
        [EditorBrowsable(EditorBrowsableState.Never)]
        protected static System.DateTime? AsDateTime(System.DateOnly? date) => date?.ToDateTime(System.TimeOnly.MinValue);
#endif

        /// <summary>A text field (<see cref="RequestField.Text"/>).</summary>
        [EditorBrowsable(EditorBrowsableState.Never)]
        protected static RequestField TextField(string wireName, string memberName, bool required = false, FieldSensitivity sensitivity = FieldSensitivity.None, bool paymentId = false, int? minLength = null, int? maxLength = null, string? pattern = null, string? description = null, FieldCheck check = FieldCheck.None, string? postedAs = null) =>
            RequestField.Text(wireName, memberName, required, sensitivity, paymentId ? FieldRole.PaymentId : FieldRole.Value, minLength, maxLength, pattern, description, check, postedAs);

        /// <summary>A whole-number field (<see cref="RequestField.Integer"/>).</summary>
        [EditorBrowsable(EditorBrowsableState.Never)]
        protected static RequestField IntegerField(string wireName, string memberName, bool required = false, FieldSensitivity sensitivity = FieldSensitivity.None, bool paymentId = false, long? min = null, long? max = null, string? description = null) =>
            RequestField.Integer(wireName, memberName, required, sensitivity, paymentId ? FieldRole.PaymentId : FieldRole.Value, min, max, description);

        /// <summary>A decimal field (<see cref="RequestField.Decimal"/>).</summary>
        [EditorBrowsable(EditorBrowsableState.Never)]
        protected static RequestField DecimalField(string wireName, string memberName, bool required = false, FieldSensitivity sensitivity = FieldSensitivity.None, decimal? min = null, decimal? max = null, string? description = null, int? scale = null) =>
            RequestField.Decimal(wireName, memberName, required, sensitivity, FieldRole.Value, min, max, description, scale);

        /// <summary>A flag (<see cref="RequestField.Boolean"/>).</summary>
        [EditorBrowsable(EditorBrowsableState.Never)]
        protected static RequestField BooleanField(string wireName, string memberName, bool required = false, FieldSensitivity sensitivity = FieldSensitivity.None, string? description = null) =>
            RequestField.Boolean(wireName, memberName, required, sensitivity, description);

        /// <summary>An enum field (<see cref="RequestField.Enum"/>).</summary>
        [EditorBrowsable(EditorBrowsableState.Never)]
        protected static RequestField EnumField(string wireName, string memberName, string[] values, bool required = false, FieldSensitivity sensitivity = FieldSensitivity.None, string? description = null) =>
            RequestField.Enum(wireName, memberName, values, required, sensitivity, description);

        /// <summary>A date-time field (<see cref="RequestField.DateTime"/>).</summary>
        [EditorBrowsable(EditorBrowsableState.Never)]
        protected static RequestField DateTimeField(string wireName, string memberName, string format, bool required = false, FieldSensitivity sensitivity = FieldSensitivity.None, string? description = null) =>
            RequestField.DateTime(wireName, memberName, format, required, sensitivity, description);

        /// <summary>A date-time with offset field (<see cref="RequestField.DateTimeOffset"/>).</summary>
        [EditorBrowsable(EditorBrowsableState.Never)]
        protected static RequestField DateTimeOffsetField(string wireName, string memberName, string format, bool required = false, FieldSensitivity sensitivity = FieldSensitivity.None, string? description = null) =>
            RequestField.DateTimeOffset(wireName, memberName, format, required, sensitivity, description);

        /// <summary>A list of generated items, sent as <c>wire[0][name]</c>, <c>wire[1][name]</c>, ... (<see cref="RequestField.List"/>).</summary>
        [EditorBrowsable(EditorBrowsableState.Never)]
        protected static RequestField ListField(string wireName, string memberName, RequestFieldTable items, bool required = false, int? maxItems = null, string? description = null) =>
            RequestField.List(wireName, memberName, items, required, maxItems, description);

        /// <summary>A nested object, sent as <c>wire[name]</c> (<see cref="RequestField.Object"/>).</summary>
        [EditorBrowsable(EditorBrowsableState.Never)]
        protected static RequestField ObjectField(string wireName, string memberName, RequestFieldTable fields, bool required = false, string? description = null) =>
            RequestField.Object(wireName, memberName, fields, required, description);

        /// <summary>A field with a fixed value (<see cref="RequestField.Constant"/>).</summary>
        [EditorBrowsable(EditorBrowsableState.Never)]
        protected static RequestField ConstantField(string wireName, string value) => RequestField.Constant(wireName, value);

        /// <summary>The field the client fills with the merchant id.</summary>
        [EditorBrowsable(EditorBrowsableState.Never)]
        protected static RequestField MerchantIdField(string wireName) => RequestField.Filled(wireName, FieldRole.MerchantId);

        /// <summary>The field the client fills with the call's request id (a UUID, the same for every attempt).</summary>
        [EditorBrowsable(EditorBrowsableState.Never)]
        protected static RequestField RequestIdField(string wireName) => RequestField.Filled(wireName, FieldRole.RequestId);

        /// <summary>The field the client fills with a fresh salt.</summary>
        [EditorBrowsable(EditorBrowsableState.Never)]
        protected static RequestField SaltField(string wireName) => RequestField.Filled(wireName, FieldRole.Salt);

        /// <summary>The field the client fills with the signature.</summary>
        [EditorBrowsable(EditorBrowsableState.Never)]
        protected static RequestField SignatureField(string wireName) => RequestField.Filled(wireName, FieldRole.Signature);
    }
}
