using System;

namespace FreedomPay.Runtime
{
    /// <summary>
    /// The card rules a spec can ask for: the Luhn check digit of a card number (<c>check: luhn</c>) and an expiry
    /// that has not passed (<c>card-expiry:</c>). Pure functions of the text and the clock; messages come from the
    /// caller and never repeat a value.
    /// </summary>
    internal static class CardChecks
    {
        /// <summary>Whether <paramref name="digits"/> is all ASCII digits (a card number sent with spaces is refused, not cleaned).</summary>
        public static bool IsDigits(string digits)
        {
            foreach (char c in digits)
            {
                if (c is < '0' or > '9')
                {
                    return false;
                }
            }

            return digits.Length > 0;
        }

        /// <summary>Whether an all-digit number's last digit is its Luhn check digit.</summary>
        public static bool HasLuhnCheckDigit(string digits)
        {
            int sum = 0;
            bool doubled = false;
            for (int i = digits.Length - 1; i >= 0; i--)
            {
                int d = digits[i] - '0';
                if (doubled)
                {
                    d *= 2;
                    if (d > 9)
                    {
                        d -= 9;
                    }
                }

                sum += d;
                doubled = !doubled;
            }

            return sum % 10 == 0;
        }

        /// <summary>
        /// Reads an expiry as the card prints it: month 1-12 (<c>9</c> or <c>09</c>), year as two digits (20yy) or four.
        /// Null when either is not such a number.
        /// </summary>
        public static (int Year, int Month)? ReadExpiry(string month, string year)
        {
            if (!IsDigits(month) || month.Length > 2 || !IsDigits(year) || (year.Length != 2 && year.Length != 4))
            {
                return null;
            }

            int m = int.Parse(month, System.Globalization.CultureInfo.InvariantCulture);
            int y = int.Parse(year, System.Globalization.CultureInfo.InvariantCulture);
            return m is < 1 or > 12 ? null : (year.Length == 2 ? 2000 + y : y, m);
        }

        /// <summary>
        /// Whether a card that expires at the end of <paramref name="month"/>/<paramref name="year"/> has expired by
        /// <paramref name="now"/> (UTC). A card is good through its last month, so only earlier months are past.
        /// </summary>
        public static bool HasExpired(int year, int month, DateTime now) => (year * 12) + month < (now.Year * 12) + now.Month;
    }
}
