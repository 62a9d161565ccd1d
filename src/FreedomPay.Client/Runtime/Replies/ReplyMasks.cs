using System.Collections.Generic;

namespace FreedomPay.Runtime
{
    /// <summary>
    /// Which elements of a reply or callback are shown masked, derived from its <c>Shape</c> (the spec's
    /// <c>sensitive:</c>): masks go by name wherever the element sits, so a sensitive value the gateway puts where the
    /// spec does not expect it is masked all the same, and what sits inside a masked element is masked as it is.
    /// </summary>
    internal sealed class ReplyMasks
    {
        private readonly string[] _hidden;
        private readonly string[] _partial;

        private ReplyMasks(string[] hidden, string[] partial)
        {
            _hidden = hidden;
            _partial = partial;
        }

        /// <summary>The masks of <paramref name="shape"/>, or null when nothing in it is sensitive (nothing to walk).</summary>
        public static ReplyMasks? For(IReadOnlyList<ReplyElement> shape)
        {
            var hidden = new List<string>();
            var partial = new List<string>();
            var pending = new Stack<IReadOnlyList<ReplyElement>>();
            pending.Push(shape);
            while (pending.Count > 0)
            {
                foreach (ReplyElement entry in pending.Pop())
                {
                    List<string>? into = entry.Sensitivity switch
                    {
                        FieldSensitivity.Hidden => hidden,
                        FieldSensitivity.Partial => partial,
                        _ => null,
                    };
                    if (into is not null && !into.Contains(entry.Name))
                    {
                        into.Add(entry.Name);
                    }

                    pending.Push(entry.Children);
                }
            }

            return hidden.Count == 0 && partial.Count == 0 ? null : new ReplyMasks(hidden.ToArray(), partial.ToArray());
        }

        /// <summary>
        /// Marks every element under <paramref name="root"/> that the masks name, and everything inside it. Each element
        /// is looked at once, with a stack instead of recursion: linear in the message, which the readers have bounded.
        /// </summary>
        public void Apply(PgElement root)
        {
            // A stack only for elements with children (none in a flat reply): no allocation for most replies.
            Stack<(PgElement Element, FieldSensitivity Inherited)>? nested = null;
            PgElement element = root;
            FieldSensitivity inherited = FieldSensitivity.None;
            while (true)
            {
                foreach (PgElement child in element.Children)
                {
                    FieldSensitivity sensitivity = Stronger(inherited, Of(child.Name));
                    if (sensitivity != FieldSensitivity.None)
                    {
                        child.Sensitivity = Stronger(child.Sensitivity, sensitivity);
                    }

                    if (child.Children.Count > 0)
                    {
                        (nested ??= new Stack<(PgElement, FieldSensitivity)>()).Push((child, sensitivity));
                    }
                }

                if (nested is not { Count: > 0 })
                {
                    return;
                }

                (element, inherited) = nested.Pop();
            }
        }

        private FieldSensitivity Of(string name) =>
            WireText.IsOneOf(name, _hidden) ? FieldSensitivity.Hidden
            : WireText.IsOneOf(name, _partial) ? FieldSensitivity.Partial
            : FieldSensitivity.None;

        /// <summary>Hidden over partial over none.</summary>
        private static FieldSensitivity Stronger(FieldSensitivity a, FieldSensitivity b) =>
            a == FieldSensitivity.Hidden || b == FieldSensitivity.Hidden ? FieldSensitivity.Hidden
            : a == FieldSensitivity.Partial || b == FieldSensitivity.Partial ? FieldSensitivity.Partial
            : FieldSensitivity.None;
    }
}
