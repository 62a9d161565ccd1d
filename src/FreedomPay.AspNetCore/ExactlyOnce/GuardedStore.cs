using System;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging;

namespace FreedomPay.AspNetCore
{
    /// <summary>
    /// Calls a shared callback store within <see cref="FreedomPayCallbackOptions.StoreTimeout"/>. A call that fails or
    /// times out is logged as a warning, counted, and answered with null (the caller goes on without the store), and
    /// the store is left alone for <see cref="FreedomPayCallbackOptions.StoreRetryAfter"/>: with the store down,
    /// callbacks cost the handler's own time, not a timeout each.
    /// </summary>
    internal sealed class GuardedStore(FreedomPayCallbackOptions options)
    {
        private static readonly object Done = new object();

        private long _restUntil;

        /// <summary>True while a recent failure keeps the store from being asked.</summary>
        public bool Resting => Environment.TickCount64 < Volatile.Read(ref _restUntil);

        public Task<CallbackClaim?> ClaimAsync(IFreedomPayCallbackStore store, string key, string owner, ILogger logger, CancellationToken aborted) =>
            CallAsync("claim", store, token => store.ClaimAsync(key, owner, options.ClaimLease, token), logger, aborted);

        public async Task<bool> CompleteAsync(IFreedomPayCallbackStore store, string key, string owner, byte[] reply, ILogger logger, CancellationToken aborted) =>
            await CallAsync("complete", store, async token =>
            {
                await store.CompleteAsync(key, owner, reply, options.RememberFor, token).ConfigureAwait(false);
                return Done;
            }, logger, aborted).ConfigureAwait(false) is not null;

        public async Task<bool> ReleaseAsync(IFreedomPayCallbackStore store, string key, string owner, ILogger logger) =>
            await CallAsync("release", store, async token =>
            {
                await store.ReleaseAsync(key, owner, token).ConfigureAwait(false);
                return Done;
            }, logger, CancellationToken.None).ConfigureAwait(false) is not null;

        /// <summary>
        /// After a store call failed or timed out, what this owner left there is put right in the background (never
        /// holding up the answer): the reply written in place of its claim, or its claim dropped when the handler
        /// failed. A claim that reached the store after its timeout would otherwise hold the callback for
        /// <see cref="FreedomPayCallbackOptions.ClaimLease"/>. One try, within <see cref="SettleTimeout"/>; a store
        /// still down keeps its claim until the lease ends.
        /// </summary>
        public void SettleLater(IFreedomPayCallbackStore? store, string key, string owner, byte[]? reply, ILogger logger)
        {
            if (store is null)
            {
                return;
            }

            _ = Task.Run(async () =>
            {
                using var timeout = new CancellationTokenSource(SettleTimeout);
                try
                {
                    Task settle = reply is null
                        ? store.ReleaseAsync(key, owner, timeout.Token)
                        : store.CompleteAsync(key, owner, reply, options.RememberFor, timeout.Token);
                    await settle.WaitAsync(timeout.Token).ConfigureAwait(false);
                }
                catch (Exception ex)
                {
                    logger.LogDebug("FreedomPay callback store {Store} could not be settled after a failure: {Reason}", store.GetType().Name, ex.GetType().Name);
                }
            });
        }

        /// <summary>How long a background settle may take.</summary>
        internal static readonly TimeSpan SettleTimeout = TimeSpan.FromSeconds(30);

        private async Task<T?> CallAsync<T>(string operation, IFreedomPayCallbackStore store, Func<CancellationToken, Task<T>> call, ILogger logger, CancellationToken aborted)
            where T : class
        {
            if (Resting)
            {
                return null;
            }

            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(aborted);
            timeout.CancelAfter(options.StoreTimeout);
            try
            {
                // On the thread pool and with WaitAsync: a store may block before it returns its task, or not honour the
                // token (StackExchange.Redis takes none; with its server gone it can hold the caller while it reconnects).
                return await Task.Run(() => call(timeout.Token), timeout.Token).WaitAsync(timeout.Token).ConfigureAwait(false);
            }
            catch (Exception ex) when (!aborted.IsCancellationRequested)
            {
                Volatile.Write(ref _restUntil, Environment.TickCount64 + (long)options.StoreRetryAfter.TotalMilliseconds);
                CallbackMetrics.StoreFailed(operation);
                string reason = ex is OperationCanceledException ? $"no answer within {options.StoreTimeout.TotalMilliseconds:0} ms" : ex.GetType().Name + ": " + ex.Message;
                logger.LogWarning(
                    "FreedomPay callback store {Store} failed to {Operation} ({Reason}); callbacks are answered without it, deduplicated in this process, for the next {Seconds:0.#} s",
                    store.GetType().Name, operation, reason, options.StoreRetryAfter.TotalSeconds);
                return null;
            }
        }
    }
}
