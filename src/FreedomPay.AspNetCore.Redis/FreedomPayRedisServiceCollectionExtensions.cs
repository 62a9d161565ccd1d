using System;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using StackExchange.Redis;

namespace FreedomPay.AspNetCore.Redis
{
    /// <summary>Registers the Redis callback store.</summary>
    public static class FreedomPayRedisServiceCollectionExtensions
    {
        /// <summary>
        /// Keeps callback claims and replies in the Redis that <paramref name="configuration"/> names (a
        /// StackExchange.Redis configuration string, e.g. <c>redis.internal:6379,password=...</c>), so that each
        /// callback's handler runs once across every instance of the app.
        /// </summary>
        public static IServiceCollection AddFreedomPayRedisCallbackStore(this IServiceCollection services, string configuration)
        {
            if (services is null)
            {
                throw new ArgumentNullException(nameof(services));
            }

            if (string.IsNullOrWhiteSpace(configuration))
            {
                throw new ArgumentException("The Redis configuration string is required (e.g. \"localhost:6379\").", nameof(configuration));
            }

            ConfigurationOptions options = ConfigurationOptions.Parse(configuration);
            services.AddHostedService<WarmUp>();
            return services.AddSingleton<IFreedomPayCallbackStore>(_ => new RedisCallbackStore(options));
        }

        /// <summary>Keeps callback claims and replies in Redis through the application's own connection.</summary>
        public static IServiceCollection AddFreedomPayRedisCallbackStore(this IServiceCollection services, Func<IServiceProvider, IConnectionMultiplexer> connection)
        {
            if (services is null)
            {
                throw new ArgumentNullException(nameof(services));
            }

            if (connection is null)
            {
                throw new ArgumentNullException(nameof(connection));
            }

            services.AddHostedService<WarmUp>();
            return services.AddSingleton<IFreedomPayCallbackStore>(provider => new RedisCallbackStore(connection(provider)));
        }

        /// <summary>Creates the store when the app starts (it connects then), not when the first callback comes.</summary>
        private sealed class WarmUp(IServiceProvider services) : IHostedService
        {
            public Task StartAsync(CancellationToken cancellationToken)
            {
                _ = services.GetService<IFreedomPayCallbackStore>();
                return Task.CompletedTask;
            }

            public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
        }
    }
}
