using System;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Caching.Distributed;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Internal;

namespace FreedomPay.AspNetCore
{
    /// <summary>
    /// The replies given to callbacks, keyed by what the callback said (its <see cref="Runtime.CallbackMessage.ContentFingerprint"/>),
    /// kept for <see cref="FreedomPayCallbackOptions.RememberFor"/>: in the application's <see cref="IDistributedCache"/>
    /// when it registered one, so that all its instances answer a repeat alike; otherwise in a size-limited memory
    /// cache of this process.
    /// </summary>
    internal sealed class RememberedReplies
    {
        private const string KeyPrefix = "freedompay:callback-reply:";

        private readonly FreedomPayCallbackOptions _options;
        private readonly Lazy<MemoryCache> _memory;

        public RememberedReplies(FreedomPayCallbackOptions options)
        {
            _options = options;
            _memory = new Lazy<MemoryCache>(() => new MemoryCache(new MemoryCacheOptions
            {
                SizeLimit = options.MaxRememberedReplies,
                Clock = new TimeProviderClock(options.TimeProvider),
            }));
        }

        /// <summary>How many replies the in-memory store holds now (for tests).</summary>
        internal int RememberedInMemory => _memory.IsValueCreated ? _memory.Value.Count : 0;

        /// <summary>Where replies are kept for this request: "distributed" or "memory" (for logs).</summary>
        public static string StoreName(IServiceProvider services) => services.GetService<IDistributedCache>() is null ? "memory" : "distributed";

        public static string KeyOf(string kind, string script, string? paymentId, string fingerprint) =>
            KeyPrefix + kind + ":" + script + ":" + (paymentId ?? "-") + ":" + fingerprint;

        public async Task<CallbackReply?> FindAsync(IServiceProvider services, string key, CancellationToken cancellationToken)
        {
            if (services.GetService<IDistributedCache>() is { } distributed)
            {
                byte[]? stored = await distributed.GetAsync(key, cancellationToken).ConfigureAwait(false);
                return stored is null ? null : Decode(stored);
            }

            return _memory.Value.TryGetValue(key, out CallbackReply? reply) ? reply : null;
        }

        public async Task RememberAsync(IServiceProvider services, string key, CallbackReply reply, CancellationToken cancellationToken)
        {
            if (services.GetService<IDistributedCache>() is { } distributed)
            {
                var entry = new DistributedCacheEntryOptions { AbsoluteExpirationRelativeToNow = _options.RememberFor };
                await distributed.SetAsync(key, Encode(reply), entry, cancellationToken).ConfigureAwait(false);
                return;
            }

            using ICacheEntry memoryEntry = _memory.Value.CreateEntry(key);
            memoryEntry.Value = reply;
            memoryEntry.Size = 1;
            memoryEntry.AbsoluteExpirationRelativeToNow = _options.RememberFor;
        }

        /// <summary>
        /// One byte of status, one saying whether there is a description (an empty one is not the same answer as
        /// none: it is sent as an empty element), then the description in UTF-8.
        /// </summary>
        internal static byte[] Encode(CallbackReply reply)
        {
            byte[] description = reply.Description is null ? Array.Empty<byte>() : Encoding.UTF8.GetBytes(reply.Description);
            byte[] bytes = new byte[description.Length + 2];
            bytes[0] = (byte)reply.Status;
            bytes[1] = reply.Description is null ? (byte)0 : (byte)1;
            description.CopyTo(bytes, 2);
            return bytes;
        }

        /// <summary>The stored reply, or null when the bytes are not one (then the handler is asked again).</summary>
        internal static CallbackReply? Decode(byte[] bytes)
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

        private sealed class TimeProviderClock(TimeProvider time) : ISystemClock
        {
            public DateTimeOffset UtcNow => time.GetUtcNow();
        }
    }
}
