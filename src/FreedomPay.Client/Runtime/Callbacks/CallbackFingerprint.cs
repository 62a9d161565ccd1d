using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace FreedomPay.Runtime
{
    /// <summary>
    /// SHA-256 over a message's names and values in signing order, each length-prefixed (so that no two different
    /// messages write the same text), nesting marked with braces; the salt and the signature are left out.
    /// </summary>
    internal static class CallbackFingerprint
    {
        public static string Of(PgElement root)
        {
            var text = new StringBuilder(512);
            var writer = new Writer(text);
            SigningOrder.Walk(root, ref writer);
            byte[] hash;
            using (SHA256 sha = SHA256.Create())
            {
                hash = sha.ComputeHash(Encoding.UTF8.GetBytes(text.ToString()));
            }

            var hex = new StringBuilder(hash.Length * 2);
            foreach (byte b in hash)
            {
                hex.Append(b.ToString("x2", CultureInfo.InvariantCulture));
            }

            return hex.ToString();
        }

        private readonly struct Writer(StringBuilder text) : SigningOrder.IVisitor
        {
            public bool Skip(PgElement child, int depth) => depth == 1 && child.Name is PgSignature.SaltField or PgSignature.SignatureField;

            public void Leaf(PgElement element)
            {
                Prefixed(element.Name);
                Prefixed(element.Value);
            }

            public void Enter(PgElement element)
            {
                Prefixed(element.Name);
                text.Append('{');
            }

            public void Exit() => text.Append('}');

            private void Prefixed(string value) => text.Append(value.Length.ToString(CultureInfo.InvariantCulture)).Append(':').Append(value);
        }
    }
}
