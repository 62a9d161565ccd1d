using System;
using System.Collections.Generic;
using System.ComponentModel;

namespace FreedomPay.Runtime
{
    /// <summary>
    /// One element of a reply as the spec describes it: name, kind, whether it is required or repeated, its children,
    /// its example, how it may be shown. Generated once per reply type; the runtime masks and finds the payment id
    /// through it, and the sandbox builds replies from it.
    /// </summary>
    [EditorBrowsable(EditorBrowsableState.Advanced)]
    public sealed class ReplyElement
    {
        private static readonly string[] NoValues = Array.Empty<string>();
        private static readonly ReplyElement[] NoChildren = Array.Empty<ReplyElement>();

        private ReplyElement(string name, ReplyElementKind kind, bool required, bool repeated, FieldSensitivity sensitivity, bool paymentId, string? example)
        {
            Name = name ?? throw new ArgumentNullException(nameof(name));
            Kind = kind;
            Required = required;
            Repeated = repeated;
            Sensitivity = sensitivity;
            IsPaymentId = paymentId;
            Example = example;
        }

        /// <summary>The element's name, e.g. <c>pg_payment_id</c>.</summary>
        public string Name { get; }

        /// <summary>The shape of its value.</summary>
        public ReplyElementKind Kind { get; }

        /// <summary>Present in every successful reply.</summary>
        public bool Required { get; }

        /// <summary>Occurs several times side by side.</summary>
        public bool Repeated { get; }

        /// <summary>How logs and tools may show the value.</summary>
        public FieldSensitivity Sensitivity { get; }

        /// <summary>The value identifies the payment (the spec's <c>role: payment-id</c>).</summary>
        public bool IsPaymentId { get; }

        /// <summary>The spec's example value, if any.</summary>
        public string? Example { get; }

        /// <summary>The wire format of <see cref="ReplyElementKind.DateTime"/> values.</summary>
        public string? Format { get; private set; }

        /// <summary>The wire values of an <see cref="ReplyElementKind.Enum"/>, in the spec's order.</summary>
        public IReadOnlyList<string> AllowedValues { get; private set; } = NoValues;

        /// <summary>The children of an <see cref="ReplyElementKind.Object"/>; the one item of a <see cref="ReplyElementKind.List"/>.</summary>
        public IReadOnlyList<ReplyElement> Children { get; private set; } = NoChildren;

        /// <summary>The repeated child of a <see cref="ReplyElementKind.List"/> wrapper; null for other kinds.</summary>
        public ReplyElement? Item => Kind == ReplyElementKind.List ? Children[0] : null;

        /// <summary>A text element (called by generated code).</summary>
        [EditorBrowsable(EditorBrowsableState.Never)]
        public static ReplyElement Text(string name, bool required = false, bool repeated = false, FieldSensitivity sensitivity = FieldSensitivity.None, bool paymentId = false, string? example = null) =>
            new ReplyElement(name, ReplyElementKind.Text, required, repeated, sensitivity, paymentId, example);

        /// <summary>A whole-number element (called by generated code).</summary>
        [EditorBrowsable(EditorBrowsableState.Never)]
        public static ReplyElement Integer(string name, bool required = false, bool repeated = false, FieldSensitivity sensitivity = FieldSensitivity.None, bool paymentId = false, string? example = null) =>
            new ReplyElement(name, ReplyElementKind.Integer, required, repeated, sensitivity, paymentId, example);

        /// <summary>A decimal element (called by generated code).</summary>
        [EditorBrowsable(EditorBrowsableState.Never)]
        public static ReplyElement Decimal(string name, bool required = false, bool repeated = false, FieldSensitivity sensitivity = FieldSensitivity.None, string? example = null) =>
            new ReplyElement(name, ReplyElementKind.Decimal, required, repeated, sensitivity, paymentId: false, example);

        /// <summary>A 1/0 element (called by generated code).</summary>
        [EditorBrowsable(EditorBrowsableState.Never)]
        public static ReplyElement Boolean(string name, bool required = false, bool repeated = false, FieldSensitivity sensitivity = FieldSensitivity.None, string? example = null) =>
            new ReplyElement(name, ReplyElementKind.Boolean, required, repeated, sensitivity, paymentId: false, example);

        /// <summary>An element holding one of <paramref name="values"/> (called by generated code).</summary>
        [EditorBrowsable(EditorBrowsableState.Never)]
        public static ReplyElement Enum(string name, IReadOnlyList<string> values, bool required = false, bool repeated = false, FieldSensitivity sensitivity = FieldSensitivity.None, string? example = null) =>
            new ReplyElement(name, ReplyElementKind.Enum, required, repeated, sensitivity, paymentId: false, example) { AllowedValues = values ?? throw new ArgumentNullException(nameof(values)) };

        /// <summary>A date-time element in <paramref name="format"/> (called by generated code).</summary>
        [EditorBrowsable(EditorBrowsableState.Never)]
        public static ReplyElement DateTime(string name, string format, bool required = false, bool repeated = false, FieldSensitivity sensitivity = FieldSensitivity.None, string? example = null) =>
            new ReplyElement(name, ReplyElementKind.DateTime, required, repeated, sensitivity, paymentId: false, example) { Format = format ?? throw new ArgumentNullException(nameof(format)) };

        /// <summary>A date-time-with-offset element in <paramref name="format"/> (called by generated code).</summary>
        [EditorBrowsable(EditorBrowsableState.Never)]
        public static ReplyElement DateTimeOffset(string name, string format, bool required = false, bool repeated = false, FieldSensitivity sensitivity = FieldSensitivity.None, string? example = null) =>
            new ReplyElement(name, ReplyElementKind.DateTimeOffset, required, repeated, sensitivity, paymentId: false, example) { Format = format ?? throw new ArgumentNullException(nameof(format)) };

        /// <summary>An element with children (called by generated code).</summary>
        [EditorBrowsable(EditorBrowsableState.Never)]
        public static ReplyElement Object(string name, IReadOnlyList<ReplyElement> children, bool required = false, bool repeated = false, FieldSensitivity sensitivity = FieldSensitivity.None) =>
            new ReplyElement(name, ReplyElementKind.Object, required, repeated, sensitivity, paymentId: false, example: null) { Children = children ?? throw new ArgumentNullException(nameof(children)) };

        /// <summary>A wrapper of repeated <paramref name="item"/> elements (called by generated code).</summary>
        [EditorBrowsable(EditorBrowsableState.Never)]
        public static ReplyElement List(string name, ReplyElement item, bool required = false, FieldSensitivity sensitivity = FieldSensitivity.None) =>
            new ReplyElement(name, ReplyElementKind.List, required, repeated: false, sensitivity, paymentId: false, example: null) { Children = new[] { item ?? throw new ArgumentNullException(nameof(item)) } };

        /// <summary>The element's name and kind.</summary>
        public override string ToString() => Name + " (" + Kind + (Repeated ? ", repeated" : string.Empty) + ")";
    }
}
