using System;
using System.Text;

namespace FreedomPay.AspNetCore
{
    /// <summary>A <see cref="CallbackReply"/> as the bytes a callback store keeps.</summary>
    internal static class ReplyBytes
    {
        /// <summary>
        /// One byte of status, one saying whether there is a description (an empty one is not the same answer as
        /// none: it is sent as an empty element), then the description in UTF-8.
        /// </summary>
        public static byte[] Encode(CallbackReply reply)
        {
            byte[] description = reply.Description is null ? Array.Empty<byte>() : Encoding.UTF8.GetBytes(reply.Description);
            byte[] bytes = new byte[description.Length + 2];
            bytes[0] = (byte)reply.Status;
            bytes[1] = reply.Description is null ? (byte)0 : (byte)1;
            description.CopyTo(bytes, 2);
            return bytes;
        }

        /// <summary>The stored reply, or null when the bytes are not one (then the handler is asked again).</summary>
        public static CallbackReply? Decode(byte[] bytes)
        {
            if (bytes.Length < 2 || bytes[1] > 1)
            {
                return null;
            }

            string? description = bytes[1] == 0 ? null : Encoding.UTF8.GetString(bytes, 2, bytes.Length - 2);
            return (CallbackReplyStatus)bytes[0] switch
            {
                CallbackReplyStatus.Ok => CallbackReply.Ok(description),
                CallbackReplyStatus.Rejected when description is not null => CallbackReply.Rejected(description),
                CallbackReplyStatus.Error when description is not null => CallbackReply.Error(description),
                _ => null,
            };
        }
    }
}
