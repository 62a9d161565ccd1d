using System;
using System.IO;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;

namespace FreedomPay.Runtime
{
    /// <summary>
    /// The bytes of a reply, read from the content stream up to a cap: a declared length over the cap is refused
    /// before anything is read, and an undeclared one is refused as soon as the cap is passed. The body is copied
    /// once (into an array of the declared size, or one that grows by doubling), never decoded whole here.
    /// </summary>
    internal readonly struct ReplyBody
    {
        private const int FirstChunk = 8 * 1024;

        private ReplyBody(byte[] buffer, int length)
        {
            Buffer = buffer;
            Length = length;
        }

        public byte[] Buffer { get; }

        public int Length { get; }

        public static async Task<ReplyBody> ReadAsync(HttpContent content, int maxBytes, string operation, CancellationToken cancellationToken)
        {
            long? declared = content.Headers.ContentLength;
            if (declared > maxBytes)
            {
                throw TooLarge(operation, maxBytes, $"it declares {declared} bytes");
            }

#if NET8_0_OR_GREATER
            using Stream stream = await content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
#else
            using Stream stream = await content.ReadAsStreamAsync().ConfigureAwait(false);
#endif
            // A declared length gets one spare byte, so that the end of the stream is seen without growing the array.
            byte[] buffer = new byte[declared is { } size ? (int)size + 1 : Math.Min(FirstChunk, maxBytes + 1)];
            int length = 0;
            while (true)
            {
                if (length == buffer.Length)
                {
                    if (length > maxBytes)
                    {
                        throw TooLarge(operation, maxBytes, "it went on past the limit");
                    }

                    // One byte past the cap is enough to know the reply is too large.
                    Array.Resize(ref buffer, (int)Math.Min((long)maxBytes + 1, (long)buffer.Length * 2));
                }

                int read = await stream.ReadAsync(buffer, length, buffer.Length - length, cancellationToken).ConfigureAwait(false);
                if (read == 0)
                {
                    return new ReplyBody(buffer, length);
                }

                length += read;
                if (length > maxBytes)
                {
                    throw TooLarge(operation, maxBytes, "it went on past the limit");
                }
            }
        }

        private static FreedomPayProtocolException TooLarge(string operation, int maxBytes, string what) =>
            new FreedomPayProtocolException($"The reply to {operation} is larger than the {maxBytes}-byte limit (FreedomPayClientOptions.MaxReplyBytes; {what}) and was refused unread; gateway replies are a few kilobytes.")
            {
                Operation = operation,
            };
    }
}
