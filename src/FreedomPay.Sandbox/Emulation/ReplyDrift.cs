using System;
using System.Collections.Generic;
using System.Globalization;
using FreedomPay.Runtime;

namespace FreedomPay.Sandbox.Emulation
{
    /// <summary>Makes a successful reply depart from its spec as <see cref="SandboxDrift"/> asks, at the top level.</summary>
    internal static class ReplyDrift
    {
        /// <summary>The element no spec describes (its name says where it came from).</summary>
        internal const string ExtraElement = "sandbox_drift";

        /// <summary>A value no spec's enum lists.</summary>
        internal const string UnknownValue = "sandbox_drifted";

        public static void Apply(SandboxReply reply, OperationDescriptor operation, SandboxDrift drift)
        {
            if (drift == SandboxDrift.None || reply.Failure is not null)
            {
                return;
            }

            string status = operation.Errors.StatusElement;
            if (drift.HasFlag(SandboxDrift.UnknownEnumValue) && First(operation.Reply, e => e.Kind == ReplyElementKind.Enum && e.Name != status && !e.Repeated && reply[e.Name] is not null) is { } enumElement)
            {
                reply.Set(enumElement.Name, UnknownValue);
            }

            if (drift.HasFlag(SandboxDrift.MissingElement) && First(operation.Reply, e => e.Required && e.Name != status && reply[e.Name] is not null) is { } required)
            {
                reply.Set(required.Name, null);
            }

            if (drift.HasFlag(SandboxDrift.UtcDateTimes))
            {
                foreach (ReplyElement element in operation.Reply)
                {
                    if (element.Kind == ReplyElementKind.DateTimeOffset && !element.Repeated && reply[element.Name] is { } text
                        && DateTimeOffset.TryParseExact(text, element.Format, CultureInfo.InvariantCulture, DateTimeStyles.None, out DateTimeOffset value))
                    {
                        reply.Set(element.Name, value.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture));
                    }
                }
            }

            if (drift.HasFlag(SandboxDrift.ExtraElement))
            {
                reply.Set(ExtraElement, "1");
            }

            reply.NumbersAsStrings = drift.HasFlag(SandboxDrift.NumbersAsStrings);
        }

        private static ReplyElement? First(IReadOnlyList<ReplyElement> elements, Func<ReplyElement, bool> match)
        {
            foreach (ReplyElement element in elements)
            {
                if (match(element))
                {
                    return element;
                }
            }

            return null;
        }
    }
}
