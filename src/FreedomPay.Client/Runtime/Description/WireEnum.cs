using System;
using System.Collections.Generic;
using System.ComponentModel;

namespace FreedomPay.Runtime
{
    /// <summary>
    /// Generated enums and their wire values: member n (1, 2, ...) is <c>values[n - 1]</c>, 0 is Unknown. One lookup
    /// for replies, request fields and text values, instead of a switch per enum in generated code.
    /// </summary>
    [EditorBrowsable(EditorBrowsableState.Never)]
    public static class WireEnum
    {
        /// <summary>The member number of a wire value: its position in <paramref name="values"/> plus one, or 0 (Unknown).</summary>
        public static int Number(IReadOnlyList<string> values, string value)
        {
            for (int i = 0; i < values.Count; i++)
            {
                if (string.Equals(values[i], value, StringComparison.Ordinal))
                {
                    return i + 1;
                }
            }

            return 0;
        }

        /// <summary>The wire value of a member number; null for 0 (Unknown) and numbers without one.</summary>
        public static string? Value(IReadOnlyList<string> values, int number) =>
            number >= 1 && number <= values.Count ? values[number - 1] : null;
    }
}
