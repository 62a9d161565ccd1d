using System;
using System.Collections.Generic;

namespace FreedomPay.Runtime
{
    /// <summary>
    /// The order in which FreedomPay's signature visits a message, as its reference code orders it: each element's
    /// children by their <see cref="FlatName"/> step (name, then position), nested elements in place, depth first.
    /// That walk is exactly the reference's global sort of flat names unless some step is a prefix of a sibling's
    /// (names such as <c>order</c> and <c>order0010</c>); the walk reports those levels so that signing can take
    /// the full path (<see cref="FlatSignature"/>). Messages may come from anyone: the sort is O(n log n) and the
    /// walk uses an explicit stack, never recursion.
    /// </summary>
    internal static class SigningOrder
    {
        /// <summary>Up to this many names an insertion sort is the fastest order (and allocates least).</summary>
        private const int InsertionSortLimit = 16;

        /// <summary>What a walk does at each element.</summary>
        public interface IVisitor
        {
            /// <summary>Whether to leave out a child (and what is below it), e.g. the signature itself.</summary>
            bool Skip(PgElement child, int depth);

            /// <summary>An element without children: its value is signed.</summary>
            void Leaf(PgElement element);

            /// <summary>An element with children, before them.</summary>
            void Enter(PgElement element);

            /// <summary>After the children of the element last entered.</summary>
            void Exit();
        }

        /// <summary>Names by position, read without a delegate per comparison.</summary>
        public interface INames
        {
            int Count { get; }

            string this[int index] { get; }
        }

        /// <summary>
        /// Visits the descendants of <paramref name="root"/> (not the root itself) in signing order. Returns false
        /// when some level had a step that prefixes a sibling's, where this order may differ from the reference's.
        /// </summary>
        public static bool Walk<TVisitor>(PgElement root, ref TVisitor visitor)
            where TVisitor : struct, IVisitor
        {
            bool exact = true;
            var open = new List<Level> { new Level(root, ref exact) };
            while (open.Count > 0)
            {
                Level level = open[open.Count - 1];
                if (!level.TryNext(out PgElement? child))
                {
                    open.RemoveAt(open.Count - 1);
                    if (open.Count > 0)
                    {
                        visitor.Exit();
                    }

                    continue;
                }

                if (visitor.Skip(child, open.Count))
                {
                    continue;
                }

                if (child.Children.Count > 0)
                {
                    visitor.Enter(child);
                    open.Add(new Level(child, ref exact));
                }
                else
                {
                    visitor.Leaf(child);
                }
            }

            return exact;
        }

        /// <summary>
        /// Indices sorted by flat-name step (the name, then the position, which is the index plus one).
        /// <paramref name="prefixFree"/> is false when some step is a prefix of (or equal to) another's.
        /// </summary>
        public static int[] Order<TNames>(TNames names, out bool prefixFree)
            where TNames : struct, INames
        {
            int count = names.Count;
            var order = new int[count];
            for (int i = 0; i < count; i++)
            {
                order[i] = i;
            }

            if (count <= InsertionSortLimit)
            {
                for (int i = 1; i < count; i++)
                {
                    int j = i;
                    string current = names[i];
                    while (j > 0 && FlatName.Compare(names[order[j - 1]], order[j - 1] + 1, current, i + 1, out _) > 0)
                    {
                        order[j] = order[j - 1];
                        j--;
                    }

                    order[j] = i;
                }
            }
            else
            {
                // Long lists (only hostile ones are long): O(n log n). Steps differ by position, so ties cannot occur.
                var keys = new string[count];
                for (int i = 0; i < count; i++)
                {
                    keys[i] = names[i];
                }

                Array.Sort(order, new ByStep(keys));
            }

            // Sorted, a step that prefixes another prefixes every step between them too: neighbours suffice.
            prefixFree = true;
            for (int i = 1; i < count && prefixFree; i++)
            {
                FlatName.Compare(names[order[i - 1]], order[i - 1] + 1, names[order[i]], order[i] + 1, out bool prefix);
                prefixFree = !prefix;
            }

            return order;
        }

        private readonly struct ElementNames(IReadOnlyList<PgElement> elements) : INames
        {
            public int Count => elements.Count;

            public string this[int index] => elements[index].Name;
        }

        private sealed class ByStep(string[] keys) : IComparer<int>
        {
            public int Compare(int x, int y) => FlatName.Compare(keys[x], x + 1, keys[y], y + 1, out _);
        }

        /// <summary>An element being walked: its children in signing order and how far the walk has come.</summary>
        private sealed class Level
        {
            private readonly PgElement _element;
            private readonly int[] _order;
            private int _next;

            public Level(PgElement element, ref bool exact)
            {
                _element = element;
                _order = Order(new ElementNames(element.Children), out bool prefixFree);
                exact &= prefixFree;
            }

            public bool TryNext([System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out PgElement? child)
            {
                if (_next == _order.Length)
                {
                    child = null;
                    return false;
                }

                child = _element.Children[_order[_next++]];
                return true;
            }
        }
    }
}
