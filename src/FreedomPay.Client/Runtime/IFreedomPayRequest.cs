using System.ComponentModel;

namespace FreedomPay.Runtime
{
    /// <summary>
    /// Implemented by every generated request: checks its own values against the spec's rules and writes its
    /// form fields. Called by <see cref="FreedomPayConnection"/>; not meant to be called directly.
    /// </summary>
    [EditorBrowsable(EditorBrowsableState.Never)]
    public interface IFreedomPayRequest
    {
        /// <summary>Records every rule the current values break.</summary>
        void Validate(ref RequestValidation validation);

        /// <summary>Adds the request's fields (not merchant id, salt or signature, which the connection adds).</summary>
        void WriteFields(FormFieldList fields);
    }
}
