using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Caching.Distributed;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace FreedomPay.AspNetCore
{
    /// <summary>
    /// Runs a callback's handler once per distinct content (its key), however many copies arrive at once and on
    /// however many instances. In this process one task per key is in flight and its twins wait for its reply; across
    /// instances the key is claimed in the shared store before the handler runs, and an instance that finds it claimed
    /// waits for the reply there. A handler that fails releases the claim (the gateway's next repeat runs it again);
    /// a copy that cannot get the reply within <see cref="FreedomPayCallbackOptions.ClaimWait"/> is told to retry
    /// later, never handled twice. Every reply is also kept in this process, so a repeat is answered while the
    /// shared store is down.
    /// </summary>
    internal sealed class CallbackOnce
    {
        private readonly FreedomPayCallbackOptions _options;
        private readonly MemoryCallbackStore _memory;
        private readonly GuardedStore _guarded;
        private readonly ConcurrentDictionary<string, Task<byte[]?>> _inFlight = new ConcurrentDictionary<string, Task<byte[]?>>(StringComparer.Ordinal);
        private DistributedCacheCallbackStore? _distributed;

        public CallbackOnce(FreedomPayCallbackOptions options)
        {
            _options = options;
            _memory = new MemoryCallbackStore(options);
            _guarded = new GuardedStore(options);
        }

        /// <summary>How many claims and replies this process holds (for tests).</summary>
        internal int HeldInMemory => _memory.Count;

        /// <summary>
        /// The reply for <paramref name="key"/>: remembered, another copy's, or <paramref name="handle"/>'s (whose
        /// exception propagates to this copy only). <see cref="OnceOutcome.RetryLater"/> when no reply can be had in time.
        /// </summary>
        /// <param name="services">The request's services (the application's store, if any).</param>
        /// <param name="logger">Where store failures are reported.</param>
        /// <param name="key">The callback's content (<see cref="CallbackKeys.Of"/>).</param>
        /// <param name="handle">Runs the handler and returns its reply as kept bytes.</param>
        /// <param name="isReply">Whether kept bytes are a reply this endpoint can give (others are overwritten by the handler's).</param>
        /// <param name="aborted">The request's cancellation.</param>
        public async Task<OnceOutcome> RunAsync(IServiceProvider services, ILogger logger, string key, Func<Task<byte[]>> handle, Func<byte[], bool> isReply, CancellationToken aborted)
        {
            if (_memory.Find(key) is { } remembered && isReply(remembered))
            {
                CallbackMetrics.Repeated("process");
                return OnceOutcome.Repeat(remembered);
            }

            var mine = new TaskCompletionSource<byte[]?>(TaskCreationOptions.RunContinuationsAsynchronously);
            Task<byte[]?> running = _inFlight.GetOrAdd(key, mine.Task);
            if (running != mine.Task)
            {
                return await TwinAsync(running, aborted).ConfigureAwait(false);
            }

            try
            {
                OnceOutcome outcome = await OwnAsync(services, logger, key, handle, isReply, aborted).ConfigureAwait(false);
                mine.TrySetResult(outcome.Reply);
                return outcome;
            }
            catch
            {
                mine.TrySetResult(null); // the twins are told to retry later; the exception is this copy's
                throw;
            }
            finally
            {
                _inFlight.TryRemove(new KeyValuePair<string, Task<byte[]?>>(key, mine.Task));
            }
        }

        /// <summary>A copy that arrived while the same callback is handled in this process: its reply, once there.</summary>
        private async Task<OnceOutcome> TwinAsync(Task<byte[]?> running, CancellationToken aborted)
        {
            try
            {
                byte[]? reply = await running.WaitAsync(_options.ClaimWait, aborted).ConfigureAwait(false);
                if (reply is not null)
                {
                    CallbackMetrics.Repeated("process");
                    return OnceOutcome.Repeat(reply);
                }
            }
            catch (TimeoutException)
            {
            }

            CallbackMetrics.AskedToRetry();
            return OnceOutcome.RetryLater;
        }

        private async Task<OnceOutcome> OwnAsync(IServiceProvider services, ILogger logger, string key, Func<Task<byte[]>> handle, Func<byte[], bool> isReply, CancellationToken aborted)
        {
            IFreedomPayCallbackStore? shared = SharedStore(services);
            IFreedomPayCallbackStore store = shared is null || _guarded.Resting ? _memory : shared;
            string owner = Guid.NewGuid().ToString("N");
            CallbackClaim? claim = store == _memory
                ? await _memory.ClaimAsync(key, owner, _options.ClaimLease, aborted).ConfigureAwait(false)
                : await ClaimSharedAsync(store, key, owner, logger, aborted).ConfigureAwait(false);
            IFreedomPayCallbackStore? unsettled = null;
            if (claim is null)
            {
                // The shared store failed (or answered too late: the claim may still land there, so it is settled in
                // the background once the handler is done). This process's claim keeps the twins here out.
                unsettled = store;
                store = _memory;
                claim = await _memory.ClaimAsync(key, owner, _options.ClaimLease, aborted).ConfigureAwait(false);
            }

            switch (claim.Status)
            {
                case CallbackClaimStatus.Answered when isReply(claim.Reply!):
                    await _memory.CompleteAsync(key, owner, claim.Reply!, _options.RememberFor, aborted).ConfigureAwait(false);
                    CallbackMetrics.Repeated(store == _memory ? "process" : "store");
                    return OnceOutcome.Repeat(claim.Reply!);
                case CallbackClaimStatus.InProgress:
                    CallbackMetrics.AskedToRetry();
                    return OnceOutcome.RetryLater;
            }

            byte[] reply;
            try
            {
                reply = await handle().ConfigureAwait(false);
            }
            catch
            {
                if (store != _memory && !await _guarded.ReleaseAsync(store, key, owner, logger).ConfigureAwait(false))
                {
                    unsettled = store;
                }

                await _memory.ReleaseAsync(key, owner, CancellationToken.None).ConfigureAwait(false);
                _guarded.SettleLater(unsettled, key, owner, reply: null, logger);
                throw;
            }

            await _memory.CompleteAsync(key, owner, reply, _options.RememberFor, CancellationToken.None).ConfigureAwait(false);
            if (store != _memory && !await _guarded.CompleteAsync(store, key, owner, reply, logger, CancellationToken.None).ConfigureAwait(false))
            {
                unsettled = store;
            }

            _guarded.SettleLater(unsettled, key, owner, reply, logger);
            return OnceOutcome.Handled(reply);
        }

        /// <summary>
        /// Claims the key in the shared store; while another instance holds it, asks again (20 ms, doubling up to
        /// 200 ms) until it is answered, claimable (that instance's lease ran out) or <see cref="FreedomPayCallbackOptions.ClaimWait"/>
        /// has passed (then in progress). Null when the store failed.
        /// </summary>
        private async Task<CallbackClaim?> ClaimSharedAsync(IFreedomPayCallbackStore store, string key, string owner, ILogger logger, CancellationToken aborted)
        {
            long deadline = Environment.TickCount64 + (long)_options.ClaimWait.TotalMilliseconds;
            int pause = 20;
            while (true)
            {
                CallbackClaim? claim = await _guarded.ClaimAsync(store, key, owner, logger, aborted).ConfigureAwait(false);
                if (claim is null || claim.Status != CallbackClaimStatus.InProgress)
                {
                    return claim;
                }

                long left = deadline - Environment.TickCount64;
                if (left <= 0)
                {
                    return claim;
                }

                await Task.Delay((int)Math.Min(pause, left), aborted).ConfigureAwait(false);
                pause = Math.Min(pause * 2, 200);
            }
        }

        /// <summary>The application's store, or its IDistributedCache as one; null for this process's memory alone.</summary>
        private IFreedomPayCallbackStore? SharedStore(IServiceProvider services)
        {
            if (services.GetService<IFreedomPayCallbackStore>() is { } store)
            {
                return store;
            }

            if (services.GetService<IDistributedCache>() is not { } cache)
            {
                return null;
            }

            DistributedCacheCallbackStore? adapter = _distributed;
            if (adapter is null || !adapter.Wraps(cache))
            {
                adapter = _distributed = new DistributedCacheCallbackStore(cache);
            }

            return adapter;
        }
    }

    /// <summary>What a callback is answered: a reply (first given now, or a repeat of one given before), or retry later.</summary>
    internal readonly record struct OnceOutcome(byte[]? Reply, bool Repeated)
    {
        public static OnceOutcome RetryLater => default;

        public bool IsRetryLater => Reply is null;

        public static OnceOutcome Handled(byte[] reply) => new OnceOutcome(reply, false);

        public static OnceOutcome Repeat(byte[] reply) => new OnceOutcome(reply, true);
    }
}
