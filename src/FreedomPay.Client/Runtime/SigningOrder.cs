using System;
using System.Collections.Generic;

namespace FreedomPay.Runtime
{
    /// <summary>
    /// The order in which FreedomPay's signature visits a message: each element's children sorted by name (ordinal,
    /// equal names in document order), nested elements in place, depth first. Messages may come from anyone, so the
    /// sort is O(n log n) and the walk uses an explicit stack, never recursion.
    /// </summary>
    internal static class SigningOrder
    {
        /// <summary>Up to this many names an insertion sort is the fastest stable order (and allocates least).</summary>
        private const int InsertionSortLimit = 16;

        /// <summary>What a walk does at each element.</summary>
        public interface IVisitor
        {
            /// <summary>Whether to leave out a child of the root (e.g. the signature itself).</summary>
            bool SkipTopLevel(PgElement child);

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

        /// <summary>Visits the descendants of <paramref name="root"/> (not the root itself) in signing order.</summary>
        public static void Walk<TVisitor>(PgElement root, ref TVisitor visitor)
            where TVisitor : struct, IVisitor
        {
            var open = new List<Level> { new Level(root) };
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

                if (open.Count == 1 && visitor.SkipTopLevel(child))
                {
                    continue;
                }

                if (child.Children.Count > 0)
                {
                    visitor.Enter(child);
                    open.Add(new Level(child));
                }
                else
                {
                    visitor.Leaf(child);
                }
            }
        }

        /// <summary>Indices sorted by name, ordinal and stable (equal names keep their order).</summary>
        public static int[] StableOrder<TNames>(TNames names)
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
                    while (j > 0 && string.CompareOrdinal(names[order[j - 1]], current) > 0)
                    {
                        order[j] = order[j - 1];
                        j--;
                    }

                    order[j] = i;
                }

                return order;
            }

            // Long lists (only hostile ones are long): O(n log n); the index breaks ties, which makes the order stable.
            var keys = new string[count];
            for (int i = 0; i < count; i++)
            {
                keys[i] = names[i];
            }

            Array.Sort(order, new ByNameThenPosition(keys));
            return order;
        }

        private readonly struct ElementNames(IReadOnlyList<PgElement> elements) : INames
        {
            public int Count => elements.Count;

            public string this[int index] => elements[index].Name;
        }

        private sealed class ByNameThenPosition(string[] keys) : IComparer<int>
        {
            public int Compare(int x, int y)
            {
                int byName = string.CompareOrdinal(keys[x], keys[y]);
                return byName != 0 ? byName : x.CompareTo(y);
            }
        }

        /// <summary>An element being walked: its children in signing order and how far the walk has come.</summary>
        private sealed class Level(PgElement element)
        {
            private readonly int[] _order = StableOrder(new ElementNames(element.Children));
            private int _next;

            public bool TryNext([System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out PgElement? child)
            {
                if (_next == _order.Length)
                {
                    child = null;
                    return false;
                }

                child = element.Children[_order[_next++]];
                return true;
            }
        }
    }
}
