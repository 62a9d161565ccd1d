using System;
using System.Globalization;

namespace FreedomPay.Sandbox.Pages
{
    /// <summary>The card page's expiry field: <c>MM/YY</c>, this month or later.</summary>
    internal static class CardExpiry
    {
        public static bool IsCurrent(string text, DateTimeOffset now)
        {
            if (text.Length != 5 || text[2] != '/'
                || !int.TryParse(text.AsSpan(0, 2), NumberStyles.None, CultureInfo.InvariantCulture, out int month)
                || !int.TryParse(text.AsSpan(3, 2), NumberStyles.None, CultureInfo.InvariantCulture, out int year)
                || month is < 1 or > 12)
            {
                return false;
            }

            return (2000 + year) * 12 + month >= now.Year * 12 + now.Month;
        }
    }
}
