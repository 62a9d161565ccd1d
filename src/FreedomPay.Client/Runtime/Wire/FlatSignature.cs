using System;
using System.Collections.Generic;
using System.Text;

namespace FreedomPay.Runtime
{
    /// <summary>
    /// The reference code's signing order in full, for the messages where the walk of <see cref="SigningOrder"/> is
    /// not exact (a step that prefixes a sibling's): every value gets its flat name (the steps from the top, see
    /// <see cref="FlatName"/>), the values are sorted by flat name and signed in that order. An XML message is
    /// flattened twice, as the reference's XML signing does (its flat list is flattened again, each flat name getting
    /// its position in that list). Iterative; the message's size and depth are bounded before it gets here.
    /// </summary>
    internal static class FlatSignature
    {
        /// <summary>
        /// Most characters of flat names built for one message. Real messages need a few thousand; a hostile one with a
        /// long name above many values would need the name's length times their count, so it is refused instead.
        /// </summary>
        public const int MaxFlatNameCharacters = 1 << 20;

        /// <summary>The leaf values of <paramref name="root"/> (not the root itself) in signing order.</summary>
        /// <exception cref="FreedomPayProtocolException">The flat names would exceed <see cref="MaxFlatNameCharacters"/>.</exception>
        public static List<string> Values(PgElement root, string excludedName, bool flattenTwice)
        {
            var names = new List<string>();
            var values = new List<string>();
            var path = new StringBuilder();
            long built = 0;
            var open = new Stack<(PgElement Element, int Next, int PathLength)>();
            open.Push((root, 0, 0));
            while (open.Count > 0)
            {
                (PgElement element, int next, int pathLength) = open.Pop();
                if (next == element.Children.Count)
                {
                    continue;
                }

                open.Push((element, next + 1, pathLength));
                PgElement child = element.Children[next];
                if (string.Equals(child.Name, excludedName, StringComparison.Ordinal))
                {
                    continue;
                }

                path.Length = pathLength;
                FlatName.Append(path, child.Name, next + 1);
                if (child.Children.Count > 0)
                {
                    open.Push((child, 0, path.Length));
                    continue;
                }

                if (flattenTwice)
                {
                    FlatName.Append(path, string.Empty, names.Count + 1);
                }

                built += path.Length;
                if (built > MaxFlatNameCharacters)
                {
                    throw new FreedomPayProtocolException($"The message's element names prefix one another and are too long to be put in signing order (over {MaxFlatNameCharacters} characters of flat names); it was refused.");
                }

                names.Add(path.ToString());
                values.Add(child.Value);
            }

            int[] order = new int[names.Count];
            for (int i = 0; i < order.Length; i++)
            {
                order[i] = i;
            }

            Array.Sort(order, (x, y) =>
            {
                int byName = string.CompareOrdinal(names[x], names[y]);
                return byName != 0 ? byName : x.CompareTo(y);
            });

            var ordered = new List<string>(order.Length);
            foreach (int index in order)
            {
                ordered.Add(values[index]);
            }

            return ordered;
        }
    }
}
