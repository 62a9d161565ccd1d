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

        /// <summary>
        /// A date-time with offset in <paramref name="format"/>. Where the format ends in an offset (<c>zzz</c>), ISO
        /// 8601's other spellings are read too: <c>Z</c> for UTC (every v5 reply's <c>dt</c> in the docs:
        /// <c>2019-08-24T14:15:22Z</c>) and fractional seconds before the offset. A time without an offset is still
        /// refused (it would be read as this machine's local time). What the client writes stays the format's.
        /// </summary>
        public static bool TryDateTimeOffset(string text, string format, out DateTimeOffset value)
        {
            if (DateTimeOffset.TryParseExact(text, format, CultureInfo.InvariantCulture, DateTimeStyles.None, out value))
            {
                return true;
            }

            if (!format.EndsWith("zzz", StringComparison.Ordinal) || !HasIsoOffset(text))
            {
                return false;
            }

            string stem = format.Substring(0, format.Length - 3);
            return DateTimeOffset.TryParseExact(text, stem + "K", CultureInfo.InvariantCulture, DateTimeStyles.None, out value)
                || (stem.EndsWith("ss", StringComparison.Ordinal) && DateTimeOffset.TryParseExact(text, stem + ".FFFFFFFK", CultureInfo.InvariantCulture, DateTimeStyles.None, out value));
        }

        /// <summary>Ends in <c>Z</c> or in <c>+hh:mm</c> / <c>-hh:mm</c>.</summary>
        private static bool HasIsoOffset(string text) =>
            text.EndsWith("Z", StringComparison.Ordinal)
            || (text.Length >= 6 && (text[text.Length - 6] == '+' || text[text.Length - 6] == '-') && text[text.Length - 3] == ':');
    }
}
