using System;
using System.Globalization;
using System.Text;

namespace FreedomPay.Runtime
{
    /// <summary>
    /// One step of the "flat name" that FreedomPay's reference signature code gives every value before sorting:
    /// the node's name followed by its 1-based position among its siblings, padded to three digits
    /// (<c>pg_amount</c> third in the message is <c>pg_amount003</c>; a nested value's flat name is its parents'
    /// steps followed by its own). Compared here as that text without building it.
    /// </summary>
    internal static class FlatName
    {
        /// <summary>The flat name's characters: the name, then the position's digits.</summary>
        public static int Length(string name, int position) => name.Length + DigitCount(position);

        /// <summary>
        /// Ordinal comparison of <c>a + pad(positionA)</c> with <c>b + pad(positionB)</c>. <paramref name="prefix"/>
        /// tells whether one is a prefix of the other (or both are equal): only then can the order of the values below
        /// them differ from the order of these two steps, which the signing code must then handle in full.
        /// </summary>
        public static int Compare(string a, int positionA, string b, int positionB, out bool prefix)
        {
            int lengthA = Length(a, positionA);
            int lengthB = Length(b, positionB);
            int common = Math.Min(lengthA, lengthB);
            int names = Math.Min(common, Math.Min(a.Length, b.Length));
            for (int i = 0; i < names; i++)
            {
                if (a[i] != b[i])
                {
                    prefix = false;
                    return a[i] - b[i];
                }
            }

            for (int i = names; i < common; i++)
            {
                char x = CharAt(a, positionA, i);
                char y = CharAt(b, positionB, i);
                if (x != y)
                {
                    prefix = false;
                    return x - y;
                }
            }

            prefix = true;
            return lengthA - lengthB;
        }

        /// <summary>Appends the step to a flat name being built.</summary>
        public static StringBuilder Append(StringBuilder text, string name, int position) =>
            text.Append(name).Append(position.ToString("D3", CultureInfo.InvariantCulture));

        private static char CharAt(string name, int position, int index)
        {
            if (index < name.Length)
            {
                return name[index];
            }

            int fromRight = DigitCount(position) - 1 - (index - name.Length);
            for (; fromRight > 0; fromRight--)
            {
                position /= 10;
            }

            return (char)('0' + (position % 10));
        }

        private static int DigitCount(int position)
        {
            int digits = 1;
            for (int rest = position; rest >= 10; rest /= 10)
            {
                digits++;
            }

            return Math.Max(3, digits);
        }
    }
}
