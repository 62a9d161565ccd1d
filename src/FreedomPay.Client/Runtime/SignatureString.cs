using System;
using System.Collections.Generic;

namespace FreedomPay.Runtime
{
    /// <summary>
    /// Computes what FreedomPay signs: the MD5 of the script name, then every field value in <see cref="SigningOrder"/>
    /// (by field name; nested XML elements contribute their own children's values in place), then the secret key,
    /// joined with ';'. The text is hashed as it is produced (<see cref="Md5Text"/>), never built whole.
    /// </summary>
    internal static class SignatureString
    {
        public static string Sign(string scriptName, IReadOnlyList<KeyValuePair<string, string>> fields, string? excludedName, string secretKey)
        {
            using var text = new Md5Text();
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

            return text.Append(';').Append(secretKey).ToHex();
        }

        public static string Sign(string scriptName, PgElement root, string excludedName, string secretKey)
        {
            using var text = new Md5Text();
            text.Append(scriptName);
            var values = new SignedValues(text, excludedName);
            SigningOrder.Walk(root, ref values);
            return text.Append(';').Append(secretKey).ToHex();
        }

        private readonly struct FieldNames(IReadOnlyList<KeyValuePair<string, string>> fields) : SigningOrder.INames
        {
            public int Count => fields.Count;

            public string this[int index] => fields[index].Key;
        }

        /// <summary>Appends each leaf value; the excluded name (the signature) is left out at the top level.</summary>
        private readonly struct SignedValues(Md5Text text, string excludedName) : SigningOrder.IVisitor
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
