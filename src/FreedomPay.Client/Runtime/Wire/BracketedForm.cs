using System.Collections.Generic;

namespace FreedomPay.Runtime
{
    /// <summary>
    /// Reads form field names with brackets (<c>pg_receipt_positions[0][name]</c>) into the nested shape a PHP-style
    /// form reader gives them, which is what the gateway signs: a group per bracketed prefix, in the order its first
    /// field came, values in the order sent. A name that is not <c>base[key]...[key]</c> throughout stays a flat
    /// name; nesting beyond <see cref="MessageLimits.DefaultMaxDepth"/> stays in the deepest key.
    /// </summary>
    internal static class BracketedForm
    {
        /// <summary>Whether any field name has brackets (only then is the nested shape needed).</summary>
        public static bool HasBrackets(IReadOnlyList<KeyValuePair<string, string>> fields)
        {
            for (int i = 0; i < fields.Count; i++)
            {
                if (fields[i].Key.IndexOf('[') >= 0)
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>The fields as the children of one element, grouped by their bracketed names.</summary>
        public static PgElement ToTree(IReadOnlyList<KeyValuePair<string, string>> fields)
        {
            var root = new Node(string.Empty);
            var groups = new Dictionary<(Node Parent, string Key), Node>();
            var keys = new List<string>();
            foreach (KeyValuePair<string, string> field in fields)
            {
                Split(field.Key, keys);
                Node parent = root;
                for (int i = 0; i < keys.Count - 1; i++)
                {
                    if (!groups.TryGetValue((parent, keys[i]), out Node? group))
                    {
                        group = new Node(keys[i]);
                        groups.Add((parent, keys[i]), group);
                        parent.Children.Add(group);
                    }

                    parent = group;
                }

                parent.Children.Add(new Node(keys[keys.Count - 1]) { Value = field.Value });
            }

            return root.ToElement();
        }

        /// <summary>Splits <c>base[a][b]</c> into base, a, b; any other name is one key.</summary>
        private static void Split(string name, List<string> keys)
        {
            keys.Clear();
            int open = name.IndexOf('[');
            if (open <= 0 || name[name.Length - 1] != ']')
            {
                keys.Add(name);
                return;
            }

            keys.Add(name.Substring(0, open));
            int at = open;
            while (at < name.Length)
            {
                int close = name.IndexOf(']', at + 1);
                if (name[at] != '[' || close < 0 || name.IndexOf('[', at + 1, close - at - 1) >= 0)
                {
                    keys.Clear();
                    keys.Add(name);
                    return;
                }

                if (keys.Count == MessageLimits.DefaultMaxDepth - 1)
                {
                    // The deepest key keeps the rest of the name, brackets and all: linear however long the name is.
                    keys.Add(name.Substring(at + 1, name.Length - at - 2));
                    return;
                }

                keys.Add(name.Substring(at + 1, close - at - 1));
                at = close + 1;
            }
        }

        /// <summary>A group or value being collected; turned into elements once all fields are in.</summary>
        private sealed class Node(string name)
        {
            public string Name { get; } = name;

            public string Value { get; set; } = string.Empty;

            public List<Node> Children { get; } = new List<Node>();

            /// <summary>Converts without recursion: children are converted before their parents.</summary>
            public PgElement ToElement()
            {
                var pending = new Stack<(Node Node, bool Ready)>();
                var done = new Dictionary<Node, PgElement>();
                pending.Push((this, false));
                while (pending.Count > 0)
                {
                    (Node node, bool ready) = pending.Pop();
                    if (!ready)
                    {
                        pending.Push((node, true));
                        foreach (Node child in node.Children)
                        {
                            pending.Push((child, false));
                        }

                        continue;
                    }

                    var children = new PgElement[node.Children.Count];
                    for (int i = 0; i < children.Length; i++)
                    {
                        children[i] = done[node.Children[i]];
                        done.Remove(node.Children[i]);
                    }

                    done[node] = new PgElement(node.Name, node.Value, children);
                }

                return done[this];
            }
        }
    }
}
