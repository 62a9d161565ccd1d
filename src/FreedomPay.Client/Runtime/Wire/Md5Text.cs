using System;
using System.Buffers;
using System.Security.Cryptography;
using System.Text;

namespace FreedomPay.Runtime
{
    /// <summary>
    /// The MD5 (32 lowercase hex characters) of text appended piece by piece as UTF-8, without building the text: the
    /// pieces are encoded into one pooled buffer, hashed in one call when they fit (every real message), and streamed
    /// through an incremental hash when they do not (a reply with a large value), so memory stays flat whatever the
    /// size. The text ends with the secret key, so the buffer is cleared before it goes back to the pool.
    /// </summary>
    internal sealed class Md5Text : IDisposable
    {
        private const int BufferSize = 4096;
        private const string HexDigits = "0123456789abcdef";

        private byte[] _buffer = ArrayPool<byte>.Shared.Rent(BufferSize);
        private int _length;
        private IncrementalHash? _hash;

        /// <summary>Appends <paramref name="text"/> as UTF-8.</summary>
        public Md5Text Append(string text)
        {
            int start = 0;
            while (start < text.Length)
            {
                // As many characters as surely fit (UTF-8: at most 3 bytes per UTF-16 unit), never splitting a pair.
                int room = (_buffer.Length - _length) / 3;
                if (room < 2)
                {
                    Flush();
                    continue;
                }

                int count = Math.Min(room, text.Length - start);
                if (count < text.Length - start && char.IsHighSurrogate(text[start + count - 1]))
                {
                    count--;
                }

                _length += Encoding.UTF8.GetBytes(text, start, count, _buffer, _length);
                start += count;
            }

            return this;
        }

        /// <summary>Appends one character (the ';' between values).</summary>
        public Md5Text Append(char separator)
        {
            if (_length == _buffer.Length)
            {
                Flush();
            }

            _buffer[_length++] = (byte)separator;
            return this;
        }

        /// <summary>The hash of everything appended, as 32 lowercase hex characters.</summary>
        public string ToHex()
        {
#pragma warning disable CA5351 // MD5 is what the FreedomPay protocol prescribes for pg_sig; it is not our choice.
#if NET8_0_OR_GREATER
            Span<byte> hash = stackalloc byte[16];
            if (_hash is not null)
            {
                Flush();
                _hash.GetHashAndReset(hash);
            }
            else
            {
                MD5.HashData(_buffer.AsSpan(0, _length), hash);
            }
#if NET9_0_OR_GREATER
            return Convert.ToHexStringLower(hash);
#else
            return Hex(hash);
#endif
#else
            byte[] hash;
            if (_hash is not null)
            {
                Flush();
                hash = _hash.GetHashAndReset();
            }
            else
            {
                using MD5 md5 = MD5.Create();
                hash = md5.ComputeHash(_buffer, 0, _length);
            }

            return Hex(hash);
#endif
#pragma warning restore CA5351
        }

        public void Dispose()
        {
            _hash?.Dispose();
            Array.Clear(_buffer, 0, _length); // the rest was cleared when it was flushed, or never written
            _length = 0;
            ArrayPool<byte>.Shared.Return(_buffer);
            _buffer = Array.Empty<byte>();
        }

        private static string Hex(ReadOnlySpan<byte> hash)
        {
            var hex = new char[hash.Length * 2];
            for (int i = 0; i < hash.Length; i++)
            {
                hex[2 * i] = HexDigits[hash[i] >> 4];
                hex[(2 * i) + 1] = HexDigits[hash[i] & 0xF];
            }

            return new string(hex);
        }

        private void Flush()
        {
#pragma warning disable CA5351 // MD5 is what the FreedomPay protocol prescribes for pg_sig; it is not our choice.
            _hash ??= IncrementalHash.CreateHash(HashAlgorithmName.MD5);
#pragma warning restore CA5351
            _hash.AppendData(_buffer, 0, _length);
            Array.Clear(_buffer, 0, _length);
            _length = 0;
        }
    }
}
