using System;
using System.IO;
using System.Threading;
using System.Threading.Tasks;

namespace FreedomPay.Runtime
{
    /// <summary>
    /// A message body read from a stream up to a cap: a declared length over the cap is refused before anything is
    /// read, an undeclared one as soon as the cap is passed. The bytes are copied once (into an array of the declared
    /// size, or one that grows by doubling), never decoded here. Shared by the client's replies, the callback
    /// endpoints and the sandbox, which word their own refusals.
    /// </summary>
    internal readonly struct BoundedBody
    {
        private const int FirstChunk = 8 * 1024;

        private BoundedBody(byte[] buffer, int length)
        {
            Buffer = buffer;
            Length = length;
        }

        /// <summary>The bytes, in <c>Buffer[0..Length]</c> (the array may be longer).</summary>
        public byte[] Buffer { get; }

        public int Length { get; }

        /// <summary>The whole body, or null when it is (or declares to be) longer than <paramref name="maxBytes"/>.</summary>
        public static async Task<BoundedBody?> ReadAsync(Stream stream, long? declaredLength, int maxBytes, CancellationToken cancellationToken)
        {
            if (declaredLength > maxBytes)
            {
                return null;
            }

            // A declared length gets one spare byte, so that the end of the stream is seen without growing the array.
            byte[] buffer = new byte[declaredLength is { } size ? (int)size + 1 : Math.Min(FirstChunk, maxBytes + 1)];
            int length = 0;
            while (true)
            {
                if (length == buffer.Length)
                {
                    // One byte past the cap is enough to know the body is too large.
                    Array.Resize(ref buffer, (int)Math.Min((long)maxBytes + 1, (long)buffer.Length * 2));
                }

                int read = await stream.ReadAsync(buffer, length, buffer.Length - length, cancellationToken).ConfigureAwait(false);
                if (read == 0)
                {
                    return new BoundedBody(buffer, length);
                }

                length += read;
                if (length > maxBytes)
                {
                    return null;
                }
            }
        }
    }
}
