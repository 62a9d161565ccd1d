using System;
using Microsoft.Extensions.DependencyInjection;
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
            return services.AddSingleton<IFreedomPayCallbackStore>(new RedisCallbackStore(options));
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

            return services.AddSingleton<IFreedomPayCallbackStore>(provider => new RedisCallbackStore(connection(provider)));
        }
    }
}
