using System;
using System.Collections.Generic;
using System.Globalization;

namespace FreedomPay.Runtime
{
    /// <summary>
    /// How the gateway writes numbers, flags and dates as text: one rule set for reply elements
    /// (<see cref="PgElement"/>) and request values given as text (<see cref="FieldValues"/>). Callers decide
    /// about surrounding whitespace and word their own errors.
    /// </summary>
    internal static class WireText
    {
        /// <summary>Whether <paramref name="value"/> is one of <paramref name="values"/> (wire values compare ordinally).</summary>
        public static bool IsOneOf(string? value, IEnumerable<string> values)
        {
            foreach (string candidate in values)
            {
                if (string.Equals(candidate, value, StringComparison.Ordinal))
                {
                    return true;
                }
            }

            return false;
        }

        public static bool TryInt64(string text, out long value) =>
            long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out value);

        /// <summary>'.' as the decimal separator, no thousands separators.</summary>
        public static bool TryDecimal(string text, out decimal value) =>
            decimal.TryParse(text, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out value);

        /// <summary>1/0 or true/false, in any case.</summary>
        public static bool TryBoolean(string text, out bool value)
        {
            switch (text.ToLowerInvariant())
            {
                case "1":
                case "true":
                    value = true;
                    return true;
                case "0":
                case "false":
                    value = false;
                    return true;
                default:
                    value = false;
                    return false;
            }
        }

        public static bool TryDateTime(string text, string format, out DateTime value) =>
            DateTime.TryParseExact(text, format, CultureInfo.InvariantCulture, DateTimeStyles.None, out value);

        public static bool TryDateTimeOffset(string text, string format, out DateTimeOffset value) =>
            DateTimeOffset.TryParseExact(text, format, CultureInfo.InvariantCulture, DateTimeStyles.None, out value);
    }
}
