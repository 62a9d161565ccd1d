using System;
using System.Security.Cryptography;

namespace FreedomPay.Runtime
{
    /// <summary>
    /// The request ids the client makes for a call: a random UUID (version 4), or a time-ordered one (version 7, RFC
    /// 9562 §5.7: 48 bits of Unix time in milliseconds, the version, 12 random bits, the variant, 62 random bits), as
    /// the v5 APIs' examples carry (<c>01978c2b-f191-7b56-...</c>). Both are written lower-case with hyphens.
    /// </summary>
    internal static class RequestIds
    {
        private const string Hex = "0123456789abcdef";

        public static string New(int version) => version == 7 ? NewVersion7(DateTimeOffset.UtcNow) : Guid.NewGuid().ToString("D");

        /// <summary>A version 7 UUID for <paramref name="now"/>, its other 74 bits from a cryptographic random source.</summary>
        internal static string NewVersion7(DateTimeOffset now)
        {
            byte[] bytes = new byte[16];
            using (var random = RandomNumberGenerator.Create())
            {
                random.GetBytes(bytes);
            }

            long milliseconds = now.ToUnixTimeMilliseconds();
            for (int i = 0; i < 6; i++)
            {
                bytes[i] = (byte)(milliseconds >> (8 * (5 - i))); // big-endian: the ids sort by time as text
            }

            bytes[6] = (byte)(0x70 | (bytes[6] & 0x0F)); // version 7
            bytes[8] = (byte)(0x80 | (bytes[8] & 0x3F)); // variant 10 (RFC 9562)
            char[] text = new char[36];
            int at = 0;
            for (int i = 0; i < 16; i++)
            {
                if (i is 4 or 6 or 8 or 10)
                {
                    text[at++] = '-';
                }

                text[at++] = Hex[bytes[i] >> 4];
                text[at++] = Hex[bytes[i] & 0x0F];
            }

            return new string(text);
        }
    }
}
