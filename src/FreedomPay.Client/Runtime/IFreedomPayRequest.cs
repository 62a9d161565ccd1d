using System.ComponentModel;

namespace FreedomPay.Runtime
{
    /// <summary>
    /// Implemented by every generated request: its field table and a way to hand its values to a visitor. The
    /// connection validates, writes and logs requests through these; not meant to be called directly.
    /// </summary>
    [EditorBrowsable(EditorBrowsableState.Never)]
    public interface IFreedomPayRequest
    {
        /// <summary>The request type's fields, as the spec describes them.</summary>
        RequestFieldTable Fields { get; }

        /// <summary>Hands every caller value to the visitor, in table order, with its field index.</summary>
        void Accept<TVisitor>(ref TVisitor visitor)
            where TVisitor : struct, IFieldVisitor;
    }
}
