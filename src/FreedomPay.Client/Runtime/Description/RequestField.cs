using System;
using System.Collections.Generic;
using System.ComponentModel;
using System.Text.RegularExpressions;

namespace FreedomPay.Runtime
{
    /// <summary>
    /// A request field as the spec describes it: name, type, rules, role and sensitivity. Generated code lists the
    /// fields of each request once; the runtime validates, writes, describes and reads requests from text with it.
    /// </summary>
    [EditorBrowsable(EditorBrowsableState.Advanced)]
    public sealed class RequestField
    {
        private Regex? _pattern;

        private RequestField(string wireName, string memberName, FieldKind kind, FieldRole role)
        {
            WireName = wireName ?? throw new ArgumentNullException(nameof(wireName));
            MemberName = memberName ?? throw new ArgumentNullException(nameof(memberName));
            Kind = kind;
            Role = role;
        }

        /// <summary>The field's name on the wire, e.g. <c>pg_payment_id</c>.</summary>
        public string WireName { get; }

        /// <summary>The request property, e.g. <c>PaymentId</c>; the wire name for fields without one.</summary>
        public string MemberName { get; }

        /// <summary>The value type.</summary>
        public FieldKind Kind { get; }

        /// <summary>What the field is for.</summary>
        public FieldRole Role { get; }

        /// <summary>Whether the caller gives the value (not a constant nor filled by the client).</summary>
        public bool IsCallerValue => Role is FieldRole.Value or FieldRole.PaymentId;

        /// <summary>Whether the request needs it.</summary>
        public bool Required { get; private set; }

        /// <summary>How its value may be shown.</summary>
        public FieldSensitivity Sensitivity { get; private set; }

        /// <summary>The spec's description, if any.</summary>
        public string? Description { get; private set; }

        /// <summary>Fewest characters of a text value.</summary>
        public int? MinLength { get; private set; }

        /// <summary>Most characters of a text value.</summary>
        public int? MaxLength { get; private set; }

        /// <summary>Smallest number allowed.</summary>
        public decimal? Min { get; private set; }

        /// <summary>Largest number allowed.</summary>
        public decimal? Max { get; private set; }

        /// <summary>The spec's pattern, which the whole text value must match.</summary>
        public string? Pattern { get; private set; }

        /// <summary>A further check of a text value (the spec's <c>check:</c>), e.g. a card number's check digit.</summary>
        public FieldCheck Check { get; private set; }

        /// <summary>The form field a page posts this value back as (the spec's <c>posted-as:</c>, e.g. <c>PaRes</c>); null otherwise.</summary>
        public string? PostedAs { get; private set; }

        /// <summary>The wire values of an enum field, in the order of the enum's members (1, 2, ...); empty otherwise.</summary>
        public IReadOnlyList<string> AllowedValues { get; private set; } = Array.Empty<string>();

        /// <summary>The most decimal places a decimal value may have (the spec's <c>scale</c>), e.g. 2 for amounts in tenge.</summary>
        public int? Scale { get; private set; }

        /// <summary>The wire format of a date-time field.</summary>
        public string? Format { get; private set; }

        /// <summary>The value of a <see cref="FieldRole.Constant"/> field.</summary>
        public string? ConstantValue { get; private set; }

        /// <summary>The fields of each item of a <see cref="FieldKind.List"/>, or of a <see cref="FieldKind.Object"/>; null otherwise.</summary>
        public RequestFieldTable? Items { get; private set; }

        /// <summary>The most items a <see cref="FieldKind.List"/> may have.</summary>
        public int? MaxItems { get; private set; }

        /// <summary>
        /// <see cref="Pattern"/> anchored as <c>\A(?:pattern)\z</c>: the whole value, up to its true end ('$' alone also
        /// matches before a final newline). Built on first use, with a time limit.
        /// </summary>
        internal Regex? PatternRegex => Pattern is null
            ? null
            : _pattern ??= new Regex(@"\A(?:" + Pattern + @")\z", RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));

        /// <summary>A text field (through the factories of <see cref="FreedomPayRequestPart"/>).</summary>
        internal static RequestField Text(string wireName, string memberName, bool required = false, FieldSensitivity sensitivity = FieldSensitivity.None, FieldRole role = FieldRole.Value, int? minLength = null, int? maxLength = null, string? pattern = null, string? description = null, FieldCheck check = FieldCheck.None, string? postedAs = null) =>
            new RequestField(wireName, memberName, FieldKind.Text, role) { Required = required, Sensitivity = sensitivity, MinLength = minLength, MaxLength = maxLength, Pattern = pattern, Description = description, Check = check, PostedAs = postedAs };

        /// <summary>A whole-number field (through the factories of <see cref="FreedomPayRequestPart"/>).</summary>
        internal static RequestField Integer(string wireName, string memberName, bool required = false, FieldSensitivity sensitivity = FieldSensitivity.None, FieldRole role = FieldRole.Value, long? min = null, long? max = null, string? description = null) =>
            new RequestField(wireName, memberName, FieldKind.Integer, role) { Required = required, Sensitivity = sensitivity, Min = min, Max = max, Description = description };

        /// <summary>A decimal field (through the factories of <see cref="FreedomPayRequestPart"/>).</summary>
        internal static RequestField Decimal(string wireName, string memberName, bool required = false, FieldSensitivity sensitivity = FieldSensitivity.None, FieldRole role = FieldRole.Value, decimal? min = null, decimal? max = null, string? description = null, int? scale = null) =>
            new RequestField(wireName, memberName, FieldKind.Decimal, role) { Required = required, Sensitivity = sensitivity, Min = min, Max = max, Description = description, Scale = scale };

        /// <summary>A flag (through the factories of <see cref="FreedomPayRequestPart"/>).</summary>
        internal static RequestField Boolean(string wireName, string memberName, bool required = false, FieldSensitivity sensitivity = FieldSensitivity.None, string? description = null) =>
            new RequestField(wireName, memberName, FieldKind.Boolean, FieldRole.Value) { Required = required, Sensitivity = sensitivity, Description = description };

        /// <summary>An enum field whose members 1, 2, ... have these wire values (through the factories of <see cref="FreedomPayRequestPart"/>).</summary>
        internal static RequestField Enum(string wireName, string memberName, IReadOnlyList<string> values, bool required = false, FieldSensitivity sensitivity = FieldSensitivity.None, string? description = null) =>
            new RequestField(wireName, memberName, FieldKind.Enum, FieldRole.Value) { AllowedValues = values ?? throw new ArgumentNullException(nameof(values)), Required = required, Sensitivity = sensitivity, Description = description };

        /// <summary>A date-time field sent in a format (through the factories of <see cref="FreedomPayRequestPart"/>).</summary>
        internal static RequestField DateTime(string wireName, string memberName, string format, bool required = false, FieldSensitivity sensitivity = FieldSensitivity.None, string? description = null) =>
            new RequestField(wireName, memberName, FieldKind.DateTime, FieldRole.Value) { Format = format ?? throw new ArgumentNullException(nameof(format)), Required = required, Sensitivity = sensitivity, Description = description };

        /// <summary>A date-time with offset sent in a format (through the factories of <see cref="FreedomPayRequestPart"/>).</summary>
        internal static RequestField DateTimeOffset(string wireName, string memberName, string format, bool required = false, FieldSensitivity sensitivity = FieldSensitivity.None, string? description = null) =>
            new RequestField(wireName, memberName, FieldKind.DateTimeOffset, FieldRole.Value) { Format = format ?? throw new ArgumentNullException(nameof(format)), Required = required, Sensitivity = sensitivity, Description = description };

        /// <summary>A list of items described by <paramref name="items"/> (through the factories of <see cref="FreedomPayRequestPart"/>).</summary>
        internal static RequestField List(string wireName, string memberName, RequestFieldTable items, bool required = false, int? maxItems = null, string? description = null) =>
            new RequestField(wireName, memberName, FieldKind.List, FieldRole.Value) { Items = items ?? throw new ArgumentNullException(nameof(items)), Required = required, MaxItems = maxItems, Description = description };

        /// <summary>A nested object described by <paramref name="fields"/> (through the factories of <see cref="FreedomPayRequestPart"/>).</summary>
        internal static RequestField Object(string wireName, string memberName, RequestFieldTable fields, bool required = false, string? description = null) =>
            new RequestField(wireName, memberName, FieldKind.Object, FieldRole.Value) { Items = fields ?? throw new ArgumentNullException(nameof(fields)), Required = required, Description = description };

        /// <summary>A field with a fixed value (through the factories of <see cref="FreedomPayRequestPart"/>).</summary>
        internal static RequestField Constant(string wireName, string value) =>
            new RequestField(wireName, wireName, FieldKind.Text, FieldRole.Constant) { ConstantValue = value ?? throw new ArgumentNullException(nameof(value)) };

        /// <summary>A field the client fills itself: merchant id, salt or signature (through the factories of <see cref="FreedomPayRequestPart"/>).</summary>
        internal static RequestField Filled(string wireName, FieldRole role)
        {
            if (role is not (FieldRole.MerchantId or FieldRole.Salt or FieldRole.Signature or FieldRole.RequestId))
            {
                throw new ArgumentOutOfRangeException(nameof(role), role, "Only the merchant id, the salt, the signature and a request id are filled by the client.");
            }

            return new RequestField(wireName, wireName, FieldKind.Text, role) { Sensitivity = role == FieldRole.Signature ? FieldSensitivity.Hidden : FieldSensitivity.None };
        }

        /// <inheritdoc/>
        public override string ToString() => WireName + " (" + MemberName + ")";
    }
}
