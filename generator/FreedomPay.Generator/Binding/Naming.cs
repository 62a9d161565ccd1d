using System;
using System.Collections.Generic;
using System.Text;
using Microsoft.CodeAnalysis.CSharp;

namespace FreedomPay.Generator.Binding
{
    /// <summary>Wire names to C# names, and the checks a C# name must pass.</summary>
    internal static class Naming
    {
        private static readonly char[] WordSeparators = { '_', '-', ' ', '.', '[', ']' };

        /// <summary>
        /// <c>pg_abonent_phone</c> -> <c>AbonentPhone</c>; <c>need_approve</c> -> <c>NeedApprove</c>;
        /// <c>KCELLKZT</c> -> <c>Kcellkzt</c>. The <c>pg_</c> prefix is dropped only when something follows it.
        /// </summary>
        public static string ToPascalCase(string wireName)
        {
            string name = wireName.StartsWith("pg_", StringComparison.Ordinal) && wireName.Length > 3 ? wireName.Substring(3) : wireName;
            var builder = new StringBuilder(name.Length);
            foreach (string part in name.Split(WordSeparators, StringSplitOptions.RemoveEmptyEntries))
            {
                bool allUpper = part.ToUpperInvariant() == part;
                builder.Append(char.ToUpperInvariant(part[0]));
                builder.Append(allUpper ? part.Substring(1).ToLowerInvariant() : part.Substring(1));
            }

            if (builder.Length > 0 && char.IsDigit(builder[0]))
            {
                builder.Insert(0, '_');
            }

            return builder.ToString();
        }

        /// <summary>
        /// The name of one item of a list property: <c>ReceiptPositions</c> -> <c>ReceiptPosition</c>; names that do
        /// not end in a plain 's' get <c>Item</c> (<c>Basket</c> -> <c>BasketItem</c>, <c>Address</c> -> <c>AddressItem</c>).
        /// </summary>
        public static string Singular(string listName) =>
            listName.Length > 1 && listName.EndsWith("s", StringComparison.Ordinal) && !listName.EndsWith("ss", StringComparison.Ordinal)
                ? listName.Substring(0, listName.Length - 1)
                : listName + "Item";

        /// <summary>Null when <paramref name="name"/> is a usable C# type or member name, else why it is not.</summary>
        public static string? CheckIdentifier(string name)
        {
            if (name.Length == 0)
            {
                return "it is empty";
            }

            if (SyntaxFacts.GetKeywordKind(name) != SyntaxKind.None)
            {
                return "it is a C# keyword";
            }

            if (!SyntaxFacts.IsValidIdentifier(name))
            {
                return "it is not a valid C# identifier (letters, digits and '_', not starting with a digit)";
            }

            if (!char.IsUpper(name[0]))
            {
                return "generated types and members are PascalCase; start it with an upper-case letter";
            }

            return null;
        }

        /// <summary>The closest candidate within a small edit distance, for "did you mean" hints.</summary>
        public static string? Suggest(string typed, IEnumerable<string> candidates)
        {
            string? best = null;
            int bestDistance = int.MaxValue;
            foreach (string candidate in candidates)
            {
                int distance = Distance(typed.ToLowerInvariant(), candidate.ToLowerInvariant());
                if (distance < bestDistance)
                {
                    bestDistance = distance;
                    best = candidate;
                }
            }

            return best is not null && bestDistance <= Math.Max(2, typed.Length / 3) ? best : null;
        }

        private static int Distance(string a, string b)
        {
            var previous = new int[b.Length + 1];
            var current = new int[b.Length + 1];
            for (int j = 0; j <= b.Length; j++)
            {
                previous[j] = j;
            }

            for (int i = 1; i <= a.Length; i++)
            {
                current[0] = i;
                for (int j = 1; j <= b.Length; j++)
                {
                    int cost = a[i - 1] == b[j - 1] ? 0 : 1;
                    current[j] = Math.Min(Math.Min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + cost);
                }

                (previous, current) = (current, previous);
            }

            return previous[b.Length];
        }
    }
}
