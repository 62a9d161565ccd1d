using System;
using System.Security.Cryptography;
using System.Text;

namespace FreedomPay.Sandbox.Gateway
{
    /// <summary>
    /// The PaRes the sandbox's issuer page posts back: whether the code was right, sealed with a key only this
    /// sandbox holds, so that a merchant (or a test) cannot write a passing PaRes without the page. Stands in for
    /// the issuer's signed authentication result; its shape is the sandbox's own.
    /// </summary>
    internal sealed class IssuerResult
    {
        private readonly byte[] _key = RandomNumberGenerator.GetBytes(32);

        /// <summary><c>Y.&lt;mac&gt;</c> for a right code, <c>N.&lt;mac&gt;</c> for a wrong one, bound to the session's MD.</summary>
        public string Seal(string md, bool passed)
        {
            string outcome = passed ? "Y" : "N";
            return outcome + "." + Mac(md, outcome);
        }

        /// <summary>Whether the code was right; null when <paramref name="pares"/> is not one this sandbox sealed for <paramref name="md"/>.</summary>
        public bool? Open(string md, string pares)
        {
            if (pares.Length < 3 || pares[1] != '.' || pares[0] is not ('Y' or 'N'))
            {
                return null;
            }

            string outcome = pares.Substring(0, 1);
            byte[] expected = Encoding.ASCII.GetBytes(Mac(md, outcome));
            byte[] given = Encoding.ASCII.GetBytes(pares.Substring(2));
            return CryptographicOperations.FixedTimeEquals(expected, given) ? outcome == "Y" : null;
        }

        private string Mac(string md, string outcome) =>
            Convert.ToHexString(HMACSHA256.HashData(_key, Encoding.UTF8.GetBytes(md + "|" + outcome)));
    }
}
