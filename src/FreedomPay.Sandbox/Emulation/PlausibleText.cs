using System;
using System.Globalization;

namespace FreedomPay.Sandbox.Emulation
{
    /// <summary>
    /// A text value for a reply element the spec gives no example for, shaped like what its name says the gateway puts
    /// there: an address for <c>*_url</c>, a masked card number for <c>*_pan</c> / <c>*_hash</c>, an IBAN with valid
    /// check digits, an e-mail address, a phone number, a currency code, a date. The names are the API's own naming
    /// conventions (<c>pg_</c> prefixed or not), not knowledge of particular operations; a name that says nothing gets
    /// a value built from the name itself, so that no two elements read alike and none reads as a fixed word.
    /// </summary>
    internal static class PlausibleText
    {
        /// <summary>A value for element <paramref name="name"/>; <paramref name="serial"/> tells repeated items apart.</summary>
        public static string For(string name, int serial, DateTimeOffset localNow)
        {
            string word = name.StartsWith("pg_", StringComparison.Ordinal) ? name.Substring(3) : name;
            return word switch
            {
                _ when Has(word, "url") || Has(word, "link") => "https://sandbox.freedompay.test/" + word.Replace('_', '-') + "/" + serial.ToString(CultureInfo.InvariantCulture),
                _ when Has(word, "pan") || Has(word, "hash") => "440564******6150",
                _ when Has(word, "iban") => "KZ86125KZT5004100100",
                _ when Has(word, "email") => "buyer" + serial.ToString(CultureInfo.InvariantCulture) + "@example.test",
                _ when Has(word, "phone") => "7701234567" + (serial % 10).ToString(CultureInfo.InvariantCulture),
                _ when Has(word, "currency") => "KZT",
                _ when Has(word, "token") => "tok_" + Guid.NewGuid().ToString("N"),
                _ when Has(word, "exp") || Has(word, "expiry") => "12/30",
                _ when Has(word, "date") || word.EndsWith("_at", StringComparison.Ordinal) => localNow.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture),
                _ when Has(word, "id") || Has(word, "reference") || Has(word, "code") => (100000 + serial).ToString(CultureInfo.InvariantCulture),
                _ when Has(word, "name") => "IVANOV IVAN",
                _ => Words(word) + " " + serial.ToString(CultureInfo.InvariantCulture),
            };
        }

        /// <summary>Whether <paramref name="word"/> has <paramref name="part"/> as one of its underscore-separated parts.</summary>
        private static bool Has(string word, string part)
        {
            foreach (string piece in word.Split('_'))
            {
                if (string.Equals(piece, part, StringComparison.OrdinalIgnoreCase))
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary><c>payment_method</c> as "Payment method".</summary>
        private static string Words(string word)
        {
            string spaced = word.Replace('_', ' ').Trim();
            return spaced.Length == 0 ? "Value" : char.ToUpperInvariant(spaced[0]) + spaced.Substring(1);
        }
    }
}
