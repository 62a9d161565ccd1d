using System;
using System.Runtime.CompilerServices;
using FreedomPay.Cards;
using FreedomPay.Payouts;
using FreedomPay.Runtime;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace FreedomPay.AspNetCore
{
    /// <summary>Maps FreedomPay's callbacks to the application's <see cref="IFreedomPayCallbackHandler"/>.</summary>
    public static class FreedomPayEndpointRouteBuilderExtensions
    {
        /// <summary>
        /// Maps <c>{prefix}/result</c> (Result notify) and <c>{prefix}/check</c> (Check request), GET and POST. Give
        /// FreedomPay those URLs as pg_result_url and pg_check_url: each is verified with the last segment of its
        /// own path as the script name. When an <see cref="IFreedomPayReturnHandler"/> is registered, also
        /// <c>{prefix}/success</c> and <c>{prefix}/failure</c> (the buyer's Redirect back, pg_success_url and
        /// pg_failure_url), verified the same way and answered with the handler's page. When an
        /// <see cref="IFreedomPayNotificationHandler{TNotification}"/> of <see cref="PayoutNotification"/> is registered,
        /// also <c>{prefix}/payout</c> (Payout notify, the payouts' pg_post_link, verified with
        /// <c>SecretKeys["payout"]</c>); of <see cref="CardSaved"/>, also <c>{prefix}/card-saved</c> (Add's pg_post_link).
        /// </summary>
        public static IEndpointRouteBuilder MapFreedomPayCallbacks(this IEndpointRouteBuilder endpoints, string prefix, FreedomPayCallbackOptions options)
        {
            if (endpoints is null)
            {
                throw new ArgumentNullException(nameof(endpoints));
            }

            if (options is null)
            {
                throw new ArgumentNullException(nameof(options));
            }

            try
            {
                options.Validate();
            }
            catch (ArgumentException ex)
            {
                throw new ArgumentException(ex.Message, nameof(options));
            }

            string root = (prefix ?? string.Empty).TrimEnd('/');
            CallbackOnce once = OnceFor(endpoints, options);
            if (IsRegistered(endpoints, typeof(IFreedomPayNotificationHandler<PayoutNotification>)))
            {
                MapNotification(endpoints, root + "/payout", options, PayoutNotification.Parse, PayoutNotification.SecretName, once);
            }

            if (IsRegistered(endpoints, typeof(IFreedomPayNotificationHandler<CardSaved>)))
            {
                MapNotification(endpoints, root + "/card-saved", options, CardSaved.Parse, CardSaved.SecretName, once);
            }

            var result = new CallbackEndpoint(CallbackKind.Result, options, once);
            var check = new CallbackEndpoint(CallbackKind.Check, options, once);
            endpoints.MapMethods(root + "/result", new[] { "GET", "POST" }, result.HandleAsync);
            endpoints.MapMethods(root + "/check", new[] { "GET", "POST" }, check.HandleAsync);

            // The buyer's return is the shop's page: mapped only when the shop registered one.
            if (IsRegistered(endpoints, typeof(IFreedomPayReturnHandler)))
            {
                endpoints.MapMethods(root + "/success", new[] { "GET", "POST" }, new ReturnEndpoint(succeeded: true, options).HandleAsync);
                endpoints.MapMethods(root + "/failure", new[] { "GET", "POST" }, new ReturnEndpoint(succeeded: false, options).HandleAsync);
            }

            return endpoints;
        }

        /// <summary>
        /// Maps one notification answered with plain HTTP 200 (a callback with <c>reply: http-200</c> in its spec,
        /// e.g. one of the merchant's own YAML) to the registered
        /// <see cref="IFreedomPayNotificationHandler{TNotification}"/>, GET and POST, verified with the key
        /// <paramref name="secretName"/> names and the last segment of <paramref name="pattern"/> as the script name.
        /// </summary>
        /// <param name="endpoints">The application's routes.</param>
        /// <param name="pattern">The path FreedomPay is given, e.g. <c>/freedompay/payout</c>.</param>
        /// <param name="options">The callback settings (keys, limits).</param>
        /// <param name="parse">The generated callback's <c>Parse</c>.</param>
        /// <param name="secretName">The generated callback's <c>SecretName</c>.</param>
        /// <exception cref="ArgumentException">The options are wrong or lack the named key.</exception>
        public static IEndpointRouteBuilder MapFreedomPayNotification<TNotification>(
            this IEndpointRouteBuilder endpoints,
            string pattern,
            FreedomPayCallbackOptions options,
            Func<CallbackMessage, string, TNotification> parse,
            string? secretName)
            where TNotification : FreedomPayCallback
        {
            if (endpoints is null)
            {
                throw new ArgumentNullException(nameof(endpoints));
            }

            if (options is null)
            {
                throw new ArgumentNullException(nameof(options));
            }

            if (parse is null)
            {
                throw new ArgumentNullException(nameof(parse));
            }

            return MapNotification(endpoints, pattern, options, parse, secretName, OnceFor(endpoints, options));
        }

        private static IEndpointRouteBuilder MapNotification<TNotification>(
            IEndpointRouteBuilder endpoints,
            string pattern,
            FreedomPayCallbackOptions options,
            Func<CallbackMessage, string, TNotification> parse,
            string? secretName,
            CallbackOnce once)
            where TNotification : FreedomPayCallback
        {
            string secretKey;
            try
            {
                options.Validate();
                secretKey = options.SecretFor(secretName, typeof(TNotification).Name);
            }
            catch (ArgumentException ex)
            {
                throw new ArgumentException(ex.Message, nameof(options));
            }

            endpoints.MapMethods(pattern, new[] { "GET", "POST" }, new NotificationEndpoint<TNotification>(parse, secretKey, options, once).HandleAsync);
            return endpoints;
        }

        /// <summary>
        /// One <see cref="CallbackOnce"/> per application (its services) and options: the endpoints mapped with the same
        /// options share in-flight callbacks and remembered replies; two applications in one process share nothing,
        /// as two instances on two machines would not.
        /// </summary>
        private static CallbackOnce OnceFor(IEndpointRouteBuilder endpoints, FreedomPayCallbackOptions options) =>
            OncePerApplication.GetValue(endpoints.ServiceProvider, _ => new ConditionalWeakTable<FreedomPayCallbackOptions, CallbackOnce>())
                .GetValue(options, o => new CallbackOnce(o));

        private static readonly ConditionalWeakTable<IServiceProvider, ConditionalWeakTable<FreedomPayCallbackOptions, CallbackOnce>> OncePerApplication =
            new ConditionalWeakTable<IServiceProvider, ConditionalWeakTable<FreedomPayCallbackOptions, CallbackOnce>>();

        private static bool IsRegistered(IEndpointRouteBuilder endpoints, Type service) =>
            endpoints.ServiceProvider.GetService<IServiceProviderIsService>()?.IsService(service) == true;
    }
}
