using System;
using System.Threading;
using System.Threading.Tasks;
using StackExchange.Redis;

namespace FreedomPay.AspNetCore.Redis
{
    /// <summary>
    /// Callback claims and replies in Redis, one string per callback: <c>c</c> and the owner while a handler runs (with
    /// the lease as its expiry), then <c>r</c> and the reply (for <see cref="FreedomPayCallbackOptions.RememberFor"/>).
    /// Each operation is one Lua script, so a claim is atomic across every instance on the same Redis (the
    /// <c>SET NX PX</c> of the usual lock, with the reply read in the same step).
    /// </summary>
    public sealed class RedisCallbackStore : IFreedomPayCallbackStore
    {
        // Returns nil when the caller now holds the claim, else the value found (a claim or a reply).
        private const string ClaimScript = @"
local v = redis.call('GET', KEYS[1])
if v then return v end
redis.call('SET', KEYS[1], ARGV[1], 'PX', ARGV[2])
return false";

        // The reply replaces the claim (or a claim that ran out); a reply already there stays.
        private const string CompleteScript = @"
local v = redis.call('GET', KEYS[1])
if v and string.sub(v, 1, 1) == 'r' then return 0 end
redis.call('SET', KEYS[1], ARGV[1], 'PX', ARGV[2])
return 1";

        // Only the owner's own claim is dropped.
        private const string ReleaseScript = @"
if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('DEL', KEYS[1]) end
return 0";

        private readonly Func<Task<IConnectionMultiplexer>> _connection;
        private Task<IConnectionMultiplexer>? _connecting;

        /// <summary>A store on an open connection (the application's own multiplexer).</summary>
        public RedisCallbackStore(IConnectionMultiplexer connection)
        {
            if (connection is null)
            {
                throw new ArgumentNullException(nameof(connection));
            }

            Task<IConnectionMultiplexer> open = Task.FromResult(connection);
            _connection = () => open;
        }

        /// <summary>
        /// A store that starts connecting now, so that the first callback does not pay for the connection (a Redis
        /// that is down when the app starts does not stop it: callbacks are then answered without the store, and the
        /// next connection attempt comes with a later callback).
        /// </summary>
        public RedisCallbackStore(ConfigurationOptions configuration)
        {
            if (configuration is null)
            {
                throw new ArgumentNullException(nameof(configuration));
            }

            ConfigurationOptions options = configuration.Clone();
            options.AbortOnConnectFail = false;
            _connection = async () => await ConnectionMultiplexer.ConnectAsync(options).ConfigureAwait(false);
            _connecting = _connection();
            _connecting.ContinueWith(static t => _ = t.Exception, TaskContinuationOptions.OnlyOnFaulted | TaskContinuationOptions.ExecuteSynchronously);
        }

        /// <inheritdoc />
        public async Task<CallbackClaim> ClaimAsync(string key, string owner, TimeSpan lease, CancellationToken cancellationToken)
        {
            IDatabase db = await DatabaseAsync().ConfigureAwait(false);
            RedisResult found = await db.ScriptEvaluateAsync(ClaimScript, new RedisKey[] { key }, new RedisValue[] { "c" + owner, Milliseconds(lease) }).ConfigureAwait(false);
            if (found.IsNull)
            {
                return CallbackClaim.Claimed;
            }

            byte[] value = (byte[])found!;
            return value.Length > 0 && value[0] == (byte)'r' ? CallbackClaim.Answered(value.AsSpan(1).ToArray()) : CallbackClaim.InProgress;
        }

        /// <inheritdoc />
        public async Task CompleteAsync(string key, string owner, byte[] reply, TimeSpan rememberFor, CancellationToken cancellationToken)
        {
            IDatabase db = await DatabaseAsync().ConfigureAwait(false);
            byte[] value = new byte[reply.Length + 1];
            value[0] = (byte)'r';
            reply.CopyTo(value, 1);
            await db.ScriptEvaluateAsync(CompleteScript, new RedisKey[] { key }, new RedisValue[] { value, Milliseconds(rememberFor) }).ConfigureAwait(false);
        }

        /// <inheritdoc />
        public async Task ReleaseAsync(string key, string owner, CancellationToken cancellationToken)
        {
            IDatabase db = await DatabaseAsync().ConfigureAwait(false);
            await db.ScriptEvaluateAsync(ReleaseScript, new RedisKey[] { key }, new RedisValue[] { "c" + owner }).ConfigureAwait(false);
        }

        private async Task<IDatabase> DatabaseAsync()
        {
            Task<IConnectionMultiplexer> connecting = _connecting ??= _connection();
            try
            {
                return (await connecting.ConfigureAwait(false)).GetDatabase();
            }
            catch
            {
                _ = Interlocked.CompareExchange(ref _connecting, null, connecting); // the next call tries again
                throw;
            }
        }

        private static long Milliseconds(TimeSpan span) => Math.Max(1, (long)span.TotalMilliseconds);
    }
}
