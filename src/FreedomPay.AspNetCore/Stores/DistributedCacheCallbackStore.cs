using System;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Caching.Distributed;

namespace FreedomPay.AspNetCore
{
    /// <summary>
    /// Replies kept in the application's <see cref="IDistributedCache"/>, so that every instance answers a repeat that
    /// comes after the first reply alike. An <see cref="IDistributedCache"/> has no atomic claim: two instances that
    /// receive the same callback at the same moment can both run the handler (within one instance the endpoints
    /// still run it once). Register an <see cref="IFreedomPayCallbackStore"/> (the Redis one) for exactly once across
    /// instances.
    /// </summary>
    internal sealed class DistributedCacheCallbackStore(IDistributedCache cache) : IFreedomPayCallbackStore
    {
        public async Task<CallbackClaim> ClaimAsync(string key, string owner, TimeSpan lease, CancellationToken cancellationToken)
        {
            byte[]? stored = await cache.GetAsync(key, cancellationToken).ConfigureAwait(false);
            return stored is null ? CallbackClaim.Claimed : CallbackClaim.Answered(stored);
        }

        public Task CompleteAsync(string key, string owner, byte[] reply, TimeSpan rememberFor, CancellationToken cancellationToken) =>
            cache.SetAsync(key, reply, new DistributedCacheEntryOptions { AbsoluteExpirationRelativeToNow = rememberFor }, cancellationToken);

        public bool Wraps(IDistributedCache other) => ReferenceEquals(cache, other);

        /// <summary>Nothing was stored by the claim.</summary>
        public Task ReleaseAsync(string key, string owner, CancellationToken cancellationToken) => Task.CompletedTask;
    }
}
