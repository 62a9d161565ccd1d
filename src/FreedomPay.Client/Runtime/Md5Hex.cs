using System;
using System.Buffers;
using System.Security.Cryptography;
using System.Text;

namespace FreedomPay.Runtime
{
    /// <summary>MD5 of UTF-8 text as 32 lowercase hex characters, without intermediate strings on modern .NET.</summary>
    internal static class Md5Hex
    {
        private const string HexDigits = "0123456789abcdef";

        public static string Of(StringBuilder text)
        {
            // Copy the chunks to one pooled char buffer, encode to a pooled byte buffer, hash, then format.
            char[] chars = ArrayPool<char>.Shared.Rent(text.Length);
            byte[]? bytes = null;
            try
            {
                text.CopyTo(0, chars, 0, text.Length);
                bytes = ArrayPool<byte>.Shared.Rent(Encoding.UTF8.GetMaxByteCount(text.Length));
                int length = Encoding.UTF8.GetBytes(chars, 0, text.Length, bytes, 0);
                return Hash(bytes, length);
            }
            finally
            {
                // The text holds the secret key: clear both buffers before they go back to the pool.
                Array.Clear(chars, 0, text.Length);
                ArrayPool<char>.Shared.Return(chars);
                if (bytes is not null)
                {
                    Array.Clear(bytes, 0, bytes.Length);
                    ArrayPool<byte>.Shared.Return(bytes);
                }
            }
        }

        private static string Hash(byte[] bytes, int length)
        {
#if NET8_0_OR_GREATER
            Span<byte> hash = stackalloc byte[16];
#pragma warning disable CA5351 // MD5 is what the FreedomPay protocol prescribes for pg_sig; it is not our choice.
            MD5.HashData(bytes.AsSpan(0, length), hash);
#pragma warning restore CA5351
#if NET9_0_OR_GREATER
            return Convert.ToHexStringLower(hash);
#else
            return ToHex(hash);
#endif
#else
            byte[] hash;
#pragma warning disable CA5351 // MD5 is what the FreedomPay protocol prescribes for pg_sig; it is not our choice.
            using (MD5 md5 = MD5.Create())
#pragma warning restore CA5351
            {
                hash = md5.ComputeHash(bytes, 0, length);
            }

            return ToHex(hash);
#endif
        }

        private static string ToHex(ReadOnlySpan<byte> hash)
        {
            var hex = new char[hash.Length * 2];
            for (int i = 0; i < hash.Length; i++)
            {
                hex[2 * i] = HexDigits[hash[i] >> 4];
                hex[(2 * i) + 1] = HexDigits[hash[i] & 0xF];
            }

            return new string(hex);
        }
    }
}
