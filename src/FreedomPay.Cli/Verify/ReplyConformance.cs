using System.Collections.Generic;
using System.Linq;
using FreedomPay.Runtime;

namespace FreedomPay.Cli.Verify
{
    /// <summary>One way a reply departs from its spec: the element (a path, <c>card/pg_card_token</c>) and what is wrong.</summary>
    internal sealed record Drift(string Operation, string Element, string Kind, string Detail);

    /// <summary>
    /// A trusted reply compared with its spec's reply shape, element by element (a stack, no recursion): elements the
    /// spec does not describe, required ones missing, values that break the element's type, format or enum. Values are
    /// never repeated in what it reports (a reply may carry card data); only what the spec expected.
    /// </summary>
    internal static class ReplyConformance
    {
        public const string Undescribed = "undescribed";
        public const string Missing = "missing";
        public const string Malformed = "malformed";

        public static IReadOnlyList<Drift> Check(OperationDescriptor operation, PgElement root)
        {
            var drifts = new List<Drift>();
            var pending = new Stack<(PgElement Element, IReadOnlyList<ReplyElement> Shape, string Path)>();
            pending.Push((root, operation.Reply, string.Empty));
            while (pending.Count > 0)
            {
                (PgElement element, IReadOnlyList<ReplyElement> shape, string path) = pending.Pop();
                foreach (ReplyElement entry in shape.Where(e => e.Required && !e.Repeated && element.Children.All(c => c.Name != e.Name)))
                {
                    drifts.Add(new Drift(operation.DisplayName, path + entry.Name, Missing, "the spec says it is always present"));
                }

                foreach (PgElement child in element.Children)
                {
                    ReplyElement? entry = shape.FirstOrDefault(e => e.Name == child.Name);
                    if (entry is null)
                    {
                        if (path.Length > 0 || !operation.IsProtocolElement(child.Name))
                        {
                            drifts.Add(new Drift(operation.DisplayName, path + child.Name, Undescribed, "the spec does not describe it"));
                        }
                    }
                    else if (entry.Kind is ReplyElementKind.Object or ReplyElementKind.List)
                    {
                        pending.Push((child, entry.Children, path + entry.Name + "/"));
                    }
                    else if (Problem(entry, child) is { } expected)
                    {
                        drifts.Add(new Drift(operation.DisplayName, path + entry.Name, Malformed, "should be " + expected));
                    }
                }
            }

            return drifts;
        }

        /// <summary>What the value should be, when it is not (null when it reads as the spec says).</summary>
        private static string? Problem(ReplyElement entry, PgElement value)
        {
            if (value.Children.Count > 0)
            {
                return "a value, not an object";
            }

            string text = value.Value.Trim();
            if (text.Length == 0)
            {
                return null; // empty reads as absent
            }

            return entry.Kind switch
            {
                ReplyElementKind.Integer when !WireText.TryInt64(text, out _) => "an integer",
                ReplyElementKind.Decimal when !WireText.TryDecimal(text, out _) => "a decimal number",
                ReplyElementKind.Boolean when !WireText.TryBoolean(text, out _) => "0 or 1",
                // As the client reads it (untrimmed): a value it would read as Unknown is drift.
                ReplyElementKind.Enum when WireEnum.Number(entry.AllowedValues, value.Value) == 0 => "one of " + string.Join(", ", entry.AllowedValues),
                ReplyElementKind.DateTime when !WireText.TryDateTime(text, entry.Format!, out _) => $"a date-time in the format '{entry.Format}'",
                ReplyElementKind.DateTimeOffset when !WireText.TryDateTimeOffset(text, entry.Format!, out _) => $"a date-time with offset in the format '{entry.Format}'",
                _ => null,
            };
        }
    }
}
