using System;
using System.Threading;
using System.Threading.Tasks;

namespace FreedomPay.AspNetCore
{
    /// <summary>
    /// Where the callback endpoints claim a callback before its handler runs and keep the reply it got, shared by
    /// every instance of the application that uses the same store. Register one as a singleton (the Redis one:
    /// <c>services.AddFreedomPayRedisCallbackStore(...)</c> from FreedomPay.AspNetCore.Redis); without one, an
    /// <c>IDistributedCache</c> keeps replies (claims then hold in this process only), and without that, a bounded
    /// memory cache does. The endpoints bound every call with <see cref="FreedomPayCallbackOptions.StoreTimeout"/>
    /// and stop asking a store that failed for <see cref="FreedomPayCallbackOptions.StoreRetryAfter"/>.
    /// </summary>
    /// <remarks>
    /// Keys name a callback's content (never a secret or card data); replies are a few bytes. An implementation must
    /// make <see cref="ClaimAsync"/> atomic across the instances that share it.
    /// </remarks>
    public interface IFreedomPayCallbackStore
    {
        /// <summary>
        /// Claims <paramref name="key"/> for <paramref name="owner"/> until <paramref name="lease"/> has passed, unless
        /// it is claimed by another owner (<see cref="CallbackClaimStatus.InProgress"/>) or already answered
        /// (<see cref="CallbackClaimStatus.Answered"/>, with the reply). An expired claim is claimed anew.
        /// </summary>
        Task<CallbackClaim> ClaimAsync(string key, string owner, TimeSpan lease, CancellationToken cancellationToken);

        /// <summary>Keeps the reply to <paramref name="key"/> for <paramref name="rememberFor"/>, in place of the claim.</summary>
        Task CompleteAsync(string key, string owner, byte[] reply, TimeSpan rememberFor, CancellationToken cancellationToken);

        /// <summary>Drops <paramref name="owner"/>'s claim (its handler failed), so that the next repeat runs the handler.</summary>
        Task ReleaseAsync(string key, string owner, CancellationToken cancellationToken);
    }
}
