using System;
using System.Globalization;

namespace FreedomPay.Sandbox.Emulation
{
    /// <summary>How the sandbox reads text values of each kind: the field rules and the default reply's echo agree.</summary>
    internal static class WireValues
    {
        public static bool TryInteger(string value, out long whole) =>
            long.TryParse(value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out whole);

        public static bool TryDecimal(string value, out decimal number) =>
            decimal.TryParse(value, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out number);

        public static bool IsFlag(string value) => value is "1" or "0";

        public static bool IsDateTime(string value, string? format) =>
            DateTime.TryParseExact(value, format, CultureInfo.InvariantCulture, DateTimeStyles.None, out _);

        public static bool IsDateTimeOffset(string value, string? format) =>
            DateTimeOffset.TryParseExact(value, format, CultureInfo.InvariantCulture, DateTimeStyles.None, out _);
    }
}
