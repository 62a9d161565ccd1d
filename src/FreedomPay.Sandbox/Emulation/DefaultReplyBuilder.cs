using System;
using System.Collections.Generic;
using System.Globalization;
using FreedomPay.Runtime;
using FreedomPay.Sandbox.Gateway;

namespace FreedomPay.Sandbox.Emulation
{
    /// <summary>
    /// The reply of the default emulation, built from the operation's reply shape: every described element (optional
    /// ones too, so that a client reads each type), with the request's value where a field has the element's name, at
    /// any depth (<c>pg_order_id</c>, amounts), else the spec's example, the first enum value, a new payment id, or a
    /// value of its kind in the element's format, text shaped like its name says (<see cref="PlausibleText"/>), never a
    /// fixed word; repeated elements and lists get two items. The status says success; the error elements, the salt
    /// and the signature are left to the renderer.
    /// </summary>
    internal static class DefaultReplyBuilder
    {
        /// <summary>Replies stay small however a spec nests lists: past this many elements, lists and repeats get one item.</summary>
        private const int ElementBudget = 500;

        /// <summary>Dates in replies are the gateway's local time (Kazakhstan, UTC+5), without an offset.</summary>
        private static readonly TimeSpan GatewayOffset = TimeSpan.FromHours(5);

        public static SandboxReply Build(OperationDescriptor operation, GatewayRequest request, Func<long> newPaymentId, DateTimeOffset now)
        {
            var context = new Context(operation, request, newPaymentId, now.ToOffset(GatewayOffset));
            var reply = new SandboxReply();
            if (operation.Errors.HasStatus && !HasElement(operation.Reply, operation.Errors.StatusElement))
            {
                reply.Set(operation.Errors.StatusElement, "ok");
            }

            foreach (ReplyElement element in operation.Reply)
            {
                if (!context.IsLeftToRenderer(element.Name))
                {
                    Add(reply, element, context, topLevel: true);
                }
            }

            return reply;
        }

        private static void Add(SandboxReply into, ReplyElement element, Context context, bool topLevel)
        {
            int times = element.Repeated && context.Budget > 0 ? 2 : 1;
            for (int i = 0; i < times; i++)
            {
                context.Budget--;
                switch (element.Kind)
                {
                    case ReplyElementKind.Object:
                        into.Add(element.Name, Children(element.Children, context));
                        break;
                    case ReplyElementKind.List:
                        var wrapper = new SandboxReply();
                        int items = context.Budget > 0 ? 2 : 1;
                        for (int item = 0; item < items; item++)
                        {
                            Add(wrapper, element.Item!, context, topLevel: false);
                        }

                        into.Add(element.Name, wrapper);
                        break;
                    default:
                        into.Add(element.Name, Value(element, context, topLevel));
                        break;
                }
            }
        }

        private static SandboxReply Children(IReadOnlyList<ReplyElement> children, Context context)
        {
            var group = new SandboxReply();
            foreach (ReplyElement child in children)
            {
                Add(group, child, context, topLevel: false);
            }

            return group;
        }

        private static string Value(ReplyElement element, Context context, bool topLevel)
        {
            if (topLevel && element.Name == context.Operation.Errors.StatusElement)
            {
                return element.Kind == ReplyElementKind.Enum ? FirstSuccess(element.AllowedValues, context.Operation.Errors.ErrorValue) : "ok";
            }

            // A nested payment id names another payment (a refund of this one): it gets an id of its own.
            if ((topLevel || !IsPaymentId(element)) && context.Request.Optional(element.Name) is { } sent && Fits(element, sent))
            {
                return sent;
            }

            if (element.Example is { } example)
            {
                return example;
            }

            return element.Kind switch
            {
                ReplyElementKind.Integer => IsPaymentId(element)
                    ? context.NewPaymentId().ToString(CultureInfo.InvariantCulture)
                    : "1",
                ReplyElementKind.Decimal => "100.00",
                ReplyElementKind.Boolean => "0",
                ReplyElementKind.Enum => element.AllowedValues[0],
                ReplyElementKind.DateTime => context.LocalNow.DateTime.ToString(element.Format, CultureInfo.InvariantCulture),
                ReplyElementKind.DateTimeOffset => context.LocalNow.ToString(element.Format, CultureInfo.InvariantCulture),
                _ => PlausibleText.For(element.Name, ++context.Serial, context.LocalNow),
            };
        }

        private static bool IsPaymentId(ReplyElement element) => element.IsPaymentId || element.Name.EndsWith("payment_id", StringComparison.Ordinal);

        /// <summary>Whether an echoed request value reads back as the element's kind (a text field may share a number's name).</summary>
        private static bool Fits(ReplyElement element, string value) => element.Kind switch
        {
            ReplyElementKind.Integer => WireValues.TryInteger(value, out _),
            ReplyElementKind.Decimal => WireValues.TryDecimal(value, out _),
            ReplyElementKind.Boolean => WireValues.IsFlag(value),
            ReplyElementKind.Enum => WireText.IsOneOf(value, element.AllowedValues),
            ReplyElementKind.DateTime => WireValues.IsDateTime(value, element.Format),
            ReplyElementKind.DateTimeOffset => WireValues.IsDateTimeOffset(value, element.Format),
            _ => true,
        };

        private static string FirstSuccess(IReadOnlyList<string> values, string errorValue)
        {
            foreach (string value in values)
            {
                if (value != errorValue)
                {
                    return value;
                }
            }

            return "ok";
        }

        private static bool HasElement(IReadOnlyList<ReplyElement> elements, string name)
        {
            foreach (ReplyElement element in elements)
            {
                if (element.Name == name)
                {
                    return true;
                }
            }

            return false;
        }

        private sealed class Context(OperationDescriptor operation, GatewayRequest request, Func<long> newPaymentId, DateTimeOffset localNow)
        {
            public OperationDescriptor Operation { get; } = operation;

            public GatewayRequest Request { get; } = request;

            public Func<long> NewPaymentId { get; } = newPaymentId;

            /// <summary>Now in the gateway's time zone: date-times are written without the offset, date-times with offset with it.</summary>
            public DateTimeOffset LocalNow { get; } = localNow;

            public int Budget { get; set; } = ElementBudget;

            /// <summary>Counts the text values made up, so that items of a list differ.</summary>
            public int Serial { get; set; }

            /// <summary>The error elements and the salt and signature: the renderer writes them.</summary>
            public bool IsLeftToRenderer(string name) => name != Operation.Errors.StatusElement && Operation.IsProtocolElement(name);
        }
    }
}
