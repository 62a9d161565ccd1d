using System;
using System.Collections.Generic;
using System.Text;

namespace FreedomPay.Runtime
{
    /// <summary>
    /// Builds the text FreedomPay signs: the script name, then every field value ordered by field name (ordinal;
    /// fields with the same name keep their order), then the secret key, joined with ';'. Nested XML elements
    /// contribute their own children's values, ordered the same way, in place.
    /// </summary>
    internal static class SignatureString
    {
        public static string Sign(string scriptName, IReadOnlyList<KeyValuePair<string, string>> fields, string? excludedName, string secretKey)
        {
            var text = new StringBuilder(256);
            text.Append(scriptName);
            int[] order = StableOrder(fields.Count, i => fields[i].Key);
            foreach (int index in order)
            {
                KeyValuePair<string, string> field = fields[index];
                if (excludedName is not null && string.Equals(field.Key, excludedName, StringComparison.Ordinal))
                {
                    continue;
                }

                text.Append(';').Append(field.Value);
            }

            return Finish(text, secretKey);
        }

        public static string Sign(string scriptName, PgElement root, string excludedName, string secretKey)
        {
            var text = new StringBuilder(256);
            text.Append(scriptName);
            AppendChildren(text, root, excludedName);
            return Finish(text, secretKey);
        }

        private static void AppendChildren(StringBuilder text, PgElement element, string? excludedName)
        {
            IReadOnlyList<PgElement> children = element.Children;
            foreach (int index in StableOrder(children.Count, i => children[i].Name))
            {
                PgElement child = children[index];
                if (excludedName is not null && string.Equals(child.Name, excludedName, StringComparison.Ordinal))
                {
                    continue;
                }

                if (child.Children.Count > 0)
                {
                    AppendChildren(text, child, null);
                }
                else
                {
                    text.Append(';').Append(child.Value);
                }
            }
        }

        private static string Finish(StringBuilder text, string secretKey)
        {
            text.Append(';').Append(secretKey);
            try
            {
                return Md5Hex.Of(text);
            }
            finally
            {
                text.Clear();
            }
        }

        /// <summary>Indices sorted by key, ordinal and stable (insertion sort: field lists are short).</summary>
        private static int[] StableOrder(int count, Func<int, string> key)
        {
            var order = new int[count];
            for (int i = 0; i < count; i++)
            {
                int j = i;
                string current = key(i);
                while (j > 0 && string.CompareOrdinal(key(order[j - 1]), current) > 0)
                {
                    order[j] = order[j - 1];
                    j--;
                }

                order[j] = i;
            }

            return order;
        }
    }
}
