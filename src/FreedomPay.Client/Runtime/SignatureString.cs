using System;
using System.Collections.Generic;
using System.Text;

namespace FreedomPay.Runtime
{
    /// <summary>
    /// Builds the text FreedomPay signs: the script name, then every field value in <see cref="SigningOrder"/> (by
    /// field name; nested XML elements contribute their own children's values in place), then the secret key,
    /// joined with ';'.
    /// </summary>
    internal static class SignatureString
    {
        public static string Sign(string scriptName, IReadOnlyList<KeyValuePair<string, string>> fields, string? excludedName, string secretKey)
        {
            var text = new StringBuilder(256);
            text.Append(scriptName);
            foreach (int index in SigningOrder.StableOrder(new FieldNames(fields)))
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
            var values = new SignedValues(text, excludedName);
            SigningOrder.Walk(root, ref values);
            return Finish(text, secretKey);
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

        private readonly struct FieldNames(IReadOnlyList<KeyValuePair<string, string>> fields) : SigningOrder.INames
        {
            public int Count => fields.Count;

            public string this[int index] => fields[index].Key;
        }

        /// <summary>Appends each leaf value; the excluded name (the signature) is left out at the top level.</summary>
        private readonly struct SignedValues(StringBuilder text, string excludedName) : SigningOrder.IVisitor
        {
            public bool SkipTopLevel(PgElement child) => string.Equals(child.Name, excludedName, StringComparison.Ordinal);

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
