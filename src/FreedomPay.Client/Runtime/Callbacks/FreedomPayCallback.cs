using System;
using System.Collections.Generic;

namespace FreedomPay.Runtime
{
    /// <summary>Base of generated callback types: the message they were read from.</summary>
    public abstract class FreedomPayCallback
    {
        /// <summary>Keeps the message (called by generated code); its signature is never shown.</summary>
        protected FreedomPayCallback(CallbackMessage message)
        {
            Message = message ?? throw new ArgumentNullException(nameof(message));
            MaskField(PgSignature.SignatureField, FieldSensitivity.Hidden);
        }

        /// <summary>Every field as received, including those the spec does not describe.</summary>
        public CallbackMessage Message { get; }

        /// <summary>
        /// The merchant's own parameters sent with the payment (names that do not start with <c>pg_</c>), which FreedomPay
        /// passes on to the Check and Result URLs; empty when there are none. Read after the signature was verified.
        /// </summary>
        public IReadOnlyDictionary<string, string> ExtraParams
        {
            get
            {
                var extra = new Dictionary<string, string>(StringComparer.Ordinal);
                foreach (PgElement element in Message.Root.Children)
                {
                    if (!element.Name.StartsWith(PgSignature.GatewayPrefix, StringComparison.Ordinal) && element.Children.Count == 0 && !extra.ContainsKey(element.Name))
                    {
                        extra.Add(element.Name, element.Value);
                    }
                }

                return extra;
            }
        }

        /// <summary>Makes the fields of this name show masked in their ToString (the spec's <c>sensitive:</c>; called by generated code).</summary>
        [System.ComponentModel.EditorBrowsable(System.ComponentModel.EditorBrowsableState.Never)]
        protected void MaskField(string name, FieldSensitivity sensitivity)
        {
            foreach (PgElement field in Message.Root.Children)
            {
                if (string.Equals(field.Name, name, StringComparison.Ordinal))
                {
                    field.Sensitivity = sensitivity;
                }
            }
        }
    }
}
