using System;
using System.Collections.Generic;

namespace FreedomPay.Runtime
{
    /// <summary>Base of generated callback types: the message they were read from.</summary>
    public abstract class FreedomPayCallback : FreedomPayReplyPart
    {
        /// <summary>
        /// Keeps the message (called by generated code): its signature, and the fields <paramref name="shape"/> calls
        /// sensitive, are never shown.
        /// </summary>
        /// <param name="message">The fields as received.</param>
        /// <param name="shape">The callback's fields as the spec describes them (its generated <c>Shape</c>).</param>
        protected FreedomPayCallback(CallbackMessage message, IReadOnlyList<ReplyElement> shape)
        {
            Message = message ?? throw new ArgumentNullException(nameof(message));
            if (shape is null)
            {
                throw new ArgumentNullException(nameof(shape));
            }

            foreach (PgElement field in message.Root.Children)
            {
                if (string.Equals(field.Name, PgSignature.SignatureField, StringComparison.Ordinal))
                {
                    field.Sensitivity = FieldSensitivity.Hidden;
                }
            }

            ReplyMasks.For(shape)?.Apply(message.Root);
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
    }
}
