using System;
using System.Collections.Generic;

namespace FreedomPay.Runtime
{
    /// <summary>
    /// Computes what FreedomPay signs: the MD5 of the script name, then every value in the reference code's order
    /// (sorted by flat name: each name followed by its position, nested values under their parents' flat names, see
    /// <see cref="SigningOrder"/>), then the secret key, joined with ';'. Form fields with bracketed names are signed
    /// in their nested shape. The common case streams the text into <see cref="Md5Text"/> without building it; the
    /// rare messages whose names prefix one another take the full path (<see cref="FlatSignature"/>).
    /// </summary>
    internal static class SignatureString
    {
        /// <summary>Form fields in the order sent (bracketed names nested); <paramref name="excludedName"/> left out.</summary>
        public static string Sign(string scriptName, IReadOnlyList<KeyValuePair<string, string>> fields, string excludedName, string secretKey)
        {
            if (BracketedForm.HasBrackets(fields))
            {
                return Sign(scriptName, BracketedForm.ToTree(fields), excludedName, secretKey, flattenTwice: false);
            }

            int[] order = SigningOrder.Order(new FieldNames(fields), out bool prefixFree);
            if (!prefixFree)
            {
                return Sign(scriptName, BracketedForm.ToTree(fields), excludedName, secretKey, flattenTwice: false);
            }

            using var text = new Md5Text();
            text.Append(scriptName);
            foreach (int index in order)
            {
                KeyValuePair<string, string> field = fields[index];
                if (!string.Equals(field.Key, excludedName, StringComparison.Ordinal))
                {
                    text.Append(';').Append(field.Value);
                }
            }

            return text.Append(';').Append(secretKey).ToHex();
        }

        /// <summary>An XML message (flattened twice, as the reference signs XML); the excluded name left out at any depth.</summary>
        public static string Sign(string scriptName, PgElement root, string excludedName, string secretKey) =>
            Sign(scriptName, root, excludedName, secretKey, flattenTwice: true);

        private static string Sign(string scriptName, PgElement root, string excludedName, string secretKey, bool flattenTwice)
        {
            using (var text = new Md5Text())
            {
                text.Append(scriptName);
                var values = new SignedValues(text, excludedName);
                if (SigningOrder.Walk(root, ref values))
                {
                    return text.Append(';').Append(secretKey).ToHex();
                }
            }

            using var full = new Md5Text();
            full.Append(scriptName);
            foreach (string value in FlatSignature.Values(root, excludedName, flattenTwice))
            {
                full.Append(';').Append(value);
            }

            return full.Append(';').Append(secretKey).ToHex();
        }

        private readonly struct FieldNames(IReadOnlyList<KeyValuePair<string, string>> fields) : SigningOrder.INames
        {
            public int Count => fields.Count;

            public string this[int index] => fields[index].Key;
        }

        /// <summary>Appends each leaf value; the excluded name (the signature) is left out wherever it is.</summary>
        private readonly struct SignedValues(Md5Text text, string excludedName) : SigningOrder.IVisitor
        {
            public bool Skip(PgElement child, int depth) => string.Equals(child.Name, excludedName, StringComparison.Ordinal);

            public void Leaf(PgElement element) => text.Append(';').Append(element.Value);

            public void Enter(PgElement element)
            {
            }

            public void Exit()
            {
            }
        }
    }
}
