using System.Collections.Generic;
using System.ComponentModel;

namespace FreedomPay.Runtime
{
    /// <summary>
    /// Base of every generated class read from a reply or callback: a response (<see cref="FreedomPayResponse"/>), a
    /// callback (<see cref="FreedomPayCallback"/>), or an element of one with children of its own (<c>SavedCard</c>).
    /// Each lists its elements once, in its <c>Shape</c> table, and reads its typed properties through it
    /// (<see cref="ReplyValues"/>). The protected factories are the <see cref="ReplyElement"/> factories under short
    /// names, as requests have their field factories (<see cref="FreedomPayRequestPart"/>): a reply element is one
    /// short line in generated code. The <c>Element</c> suffix keeps them apart from the properties generated next to
    /// them (the generator refuses elements that would take these names).
    /// </summary>
    public abstract class FreedomPayReplyPart
    {
        /// <summary>Called by generated classes (a response, a callback, or an element of one).</summary>
        protected FreedomPayReplyPart()
        {
        }

        /// <summary>Reads <paramref name="element"/>'s children as <paramref name="shape"/> (the class's <c>Shape</c>) describes them.</summary>
        [EditorBrowsable(EditorBrowsableState.Never)]
        protected static ReplyValues ValuesOf(PgElement element, IReadOnlyList<ReplyElement> shape) => new ReplyValues(element, shape);

        /// <summary>A text element (<see cref="ReplyElement.Text"/>).</summary>
        [EditorBrowsable(EditorBrowsableState.Never)]
        protected static ReplyElement TextElement(string name, bool required = false, bool repeated = false, FieldSensitivity sensitivity = FieldSensitivity.None, bool paymentId = false, string? example = null) =>
            ReplyElement.Text(name, required, repeated, sensitivity, paymentId, example);

        /// <summary>A whole-number element (<see cref="ReplyElement.Integer"/>).</summary>
        [EditorBrowsable(EditorBrowsableState.Never)]
        protected static ReplyElement IntegerElement(string name, bool required = false, bool repeated = false, FieldSensitivity sensitivity = FieldSensitivity.None, bool paymentId = false, string? example = null) =>
            ReplyElement.Integer(name, required, repeated, sensitivity, paymentId, example);

        /// <summary>A decimal element (<see cref="ReplyElement.Decimal"/>).</summary>
        [EditorBrowsable(EditorBrowsableState.Never)]
        protected static ReplyElement DecimalElement(string name, bool required = false, bool repeated = false, FieldSensitivity sensitivity = FieldSensitivity.None, string? example = null) =>
            ReplyElement.Decimal(name, required, repeated, sensitivity, example);

        /// <summary>A 1/0 element (<see cref="ReplyElement.Boolean"/>).</summary>
        [EditorBrowsable(EditorBrowsableState.Never)]
        protected static ReplyElement BooleanElement(string name, bool required = false, bool repeated = false, FieldSensitivity sensitivity = FieldSensitivity.None, string? example = null) =>
            ReplyElement.Boolean(name, required, repeated, sensitivity, example);

        /// <summary>An element holding one of <paramref name="values"/> (<see cref="ReplyElement.Enum"/>).</summary>
        [EditorBrowsable(EditorBrowsableState.Never)]
        protected static ReplyElement EnumElement(string name, IReadOnlyList<string> values, bool required = false, bool repeated = false, FieldSensitivity sensitivity = FieldSensitivity.None, string? example = null) =>
            ReplyElement.Enum(name, values, required, repeated, sensitivity, example);

        /// <summary>A date-time element in <paramref name="format"/> (<see cref="ReplyElement.DateTime"/>).</summary>
        [EditorBrowsable(EditorBrowsableState.Never)]
        protected static ReplyElement DateTimeElement(string name, string format, bool required = false, bool repeated = false, FieldSensitivity sensitivity = FieldSensitivity.None, string? example = null) =>
            ReplyElement.DateTime(name, format, required, repeated, sensitivity, example);

        /// <summary>A date-time-with-offset element in <paramref name="format"/> (<see cref="ReplyElement.DateTimeOffset"/>).</summary>
        [EditorBrowsable(EditorBrowsableState.Never)]
        protected static ReplyElement DateTimeOffsetElement(string name, string format, bool required = false, bool repeated = false, FieldSensitivity sensitivity = FieldSensitivity.None, string? example = null) =>
            ReplyElement.DateTimeOffset(name, format, required, repeated, sensitivity, example);

        /// <summary>An element with children (<see cref="ReplyElement.Object"/>).</summary>
        [EditorBrowsable(EditorBrowsableState.Never)]
        protected static ReplyElement ObjectElement(string name, IReadOnlyList<ReplyElement> children, bool required = false, bool repeated = false, FieldSensitivity sensitivity = FieldSensitivity.None) =>
            ReplyElement.Object(name, children, required, repeated, sensitivity);

        /// <summary>A wrapper of repeated <paramref name="item"/> elements (<see cref="ReplyElement.List"/>).</summary>
        [EditorBrowsable(EditorBrowsableState.Never)]
        protected static ReplyElement ListElement(string name, ReplyElement item, bool required = false, FieldSensitivity sensitivity = FieldSensitivity.None) =>
            ReplyElement.List(name, item, required, sensitivity);
    }
}
