using System;
using System.Net.Http;
using System.Threading;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace FreedomPay
{
    /// <summary>
    /// Registers <see cref="FreedomPayClient"/>s: one per merchant, each with its own HttpClient from
    /// IHttpClientFactory and its own options, validated when the application starts (a missing merchant id or
    /// secret key is a start-up error that names the setting).
    /// </summary>
    public static class FreedomPayServiceCollectionExtensions
    {
        /// <summary>The default client, configured in code. Resolve it as <c>FreedomPayClient</c>.</summary>
        public static IHttpClientBuilder AddFreedomPay(this IServiceCollection services, Action<FreedomPayClientOptions> configure) =>
            Add(services, name: null, "FreedomPayClientOptions", options => options.Configure(configure ?? throw new ArgumentNullException(nameof(configure))));

        /// <summary>The default client, bound from a configuration section (e.g. <c>configuration.GetSection("FreedomPay")</c>).</summary>
        public static IHttpClientBuilder AddFreedomPay(this IServiceCollection services, IConfiguration section) =>
            Add(services, name: null, PathOf(section), options => options.Configure(o => FreedomPayConfiguration.Apply(section, o)));

        /// <summary>A client for one of several merchants, configured in code. Resolve it with <c>[FromKeyedServices(name)]</c>.</summary>
        public static IHttpClientBuilder AddFreedomPay(this IServiceCollection services, string name, Action<FreedomPayClientOptions> configure) =>
            Add(services, RequireName(name), "FreedomPayClientOptions", options => options.Configure(configure ?? throw new ArgumentNullException(nameof(configure))));

        /// <summary>A client for one of several merchants, bound from a configuration section. Resolve it with <c>[FromKeyedServices(name)]</c>.</summary>
        public static IHttpClientBuilder AddFreedomPay(this IServiceCollection services, string name, IConfiguration section) =>
            Add(services, RequireName(name), PathOf(section), options => options.Configure(o => FreedomPayConfiguration.Apply(section, o)));

        private static IHttpClientBuilder Add(IServiceCollection services, string? name, string settingPath, Action<OptionsBuilder<FreedomPayClientOptions>> configure)
        {
            if (services is null)
            {
                throw new ArgumentNullException(nameof(services));
            }

            string optionsName = name ?? Options.DefaultName;
            OptionsBuilder<FreedomPayClientOptions> options = services.AddOptions<FreedomPayClientOptions>(optionsName);
            configure(options);
            services.AddSingleton<IValidateOptions<FreedomPayClientOptions>>(new FreedomPayOptionsValidator(optionsName, settingPath));
            options.ValidateOnStart();

            string httpClientName = "FreedomPay:" + optionsName;
            if (name is null)
            {
                services.AddSingleton(provider => Create(provider, optionsName, httpClientName));
            }
            else
            {
                services.AddKeyedSingleton(name, (provider, _) => Create(provider, optionsName, httpClientName));
            }

            // The client lives as long as the application and keeps its HttpClient: pooled connections are recycled
            // instead (PooledConnectionLifetime), so DNS changes are still seen. Redirects are never followed: the
            // signed request goes to the gateway's address only.
            return services.AddHttpClient(httpClientName)
                .ConfigurePrimaryHttpMessageHandler(() => new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(5), AllowAutoRedirect = false })
                .SetHandlerLifetime(Timeout.InfiniteTimeSpan);
        }

        private static FreedomPayClient Create(IServiceProvider provider, string optionsName, string httpClientName)
        {
            FreedomPayClientOptions options = provider.GetRequiredService<IOptionsMonitor<FreedomPayClientOptions>>().Get(optionsName);
            options.LoggerFactory ??= provider.GetService<ILoggerFactory>();
            HttpClient http = provider.GetRequiredService<IHttpClientFactory>().CreateClient(httpClientName);
            http.Timeout = Timeout.InfiniteTimeSpan; // per-operation timeouts are the client's
            return new FreedomPayClient(http, options);
        }

        private static string RequireName(string name) =>
            string.IsNullOrWhiteSpace(name) ? throw new ArgumentException("A named FreedomPay client needs a name (e.g. the merchant's).", nameof(name)) : name;

        private static string PathOf(IConfiguration section) => section is IConfigurationSection { Path.Length: > 0 } s ? s.Path : "FreedomPay";
    }
}
