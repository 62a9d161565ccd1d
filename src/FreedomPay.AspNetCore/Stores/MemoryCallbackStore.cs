using System;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Internal;

namespace FreedomPay.AspNetCore
{
    /// <summary>
    /// Claims and replies in this process's memory, at most <see cref="FreedomPayCallbackOptions.MaxRememberedReplies"/>
    /// of them (when full, new ones are not kept until old ones expire): the store when the application registered
    /// none, and the near copy of every reply otherwise, so that a repeat is answered here while a shared store is down.
    /// </summary>
    internal sealed class MemoryCallbackStore : IFreedomPayCallbackStore
    {
        private readonly MemoryCache _cache;
        private readonly TimeProvider _time;
        private readonly object _gate = new object();

        public MemoryCallbackStore(FreedomPayCallbackOptions options)
        {
            _time = options.TimeProvider;
            _cache = new MemoryCache(new MemoryCacheOptions { SizeLimit = options.MaxRememberedReplies, Clock = new TimeProviderClock(options.TimeProvider) });
        }

        /// <summary>How many claims and replies are held now (for tests).</summary>
        public int Count => _cache.Count;

        public Task<CallbackClaim> ClaimAsync(string key, string owner, TimeSpan lease, CancellationToken cancellationToken)
        {
            lock (_gate)
            {
                if (_cache.TryGetValue(key, out Slot? slot) && slot is not null)
                {
                    if (slot.Reply is not null)
                    {
                        return Task.FromResult(CallbackClaim.Answered(slot.Reply));
                    }

                    if (slot.Owner != owner)
                    {
                        return Task.FromResult(CallbackClaim.InProgress);
                    }
                }

                Set(key, new Slot(owner, null), lease);
                return Task.FromResult(CallbackClaim.Claimed);
            }
        }

        public Task CompleteAsync(string key, string owner, byte[] reply, TimeSpan rememberFor, CancellationToken cancellationToken)
        {
            lock (_gate)
            {
                Set(key, new Slot(null, reply), rememberFor);
            }

            return Task.CompletedTask;
        }

        public Task ReleaseAsync(string key, string owner, CancellationToken cancellationToken)
        {
            lock (_gate)
            {
                if (_cache.TryGetValue(key, out Slot? slot) && slot?.Owner == owner)
                {
                    _cache.Remove(key);
                }
            }

            return Task.CompletedTask;
        }

        /// <summary>The reply kept for <paramref name="key"/>, if any (no claim is made).</summary>
        public byte[]? Find(string key) => _cache.TryGetValue(key, out Slot? slot) ? slot?.Reply : null;

        private void Set(string key, Slot slot, TimeSpan lifetime)
        {
            using ICacheEntry entry = _cache.CreateEntry(key);
            entry.Value = slot;
            entry.Size = 1;
            entry.AbsoluteExpiration = _time.GetUtcNow() + lifetime;
        }

        /// <summary>A claim (its owner) or a reply.</summary>
        private sealed record Slot(string? Owner, byte[]? Reply);

        private sealed class TimeProviderClock(TimeProvider time) : ISystemClock
        {
            public DateTimeOffset UtcNow => time.GetUtcNow();
        }
    }
}
