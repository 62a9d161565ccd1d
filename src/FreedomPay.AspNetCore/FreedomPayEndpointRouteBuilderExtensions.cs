using System;
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
        /// pg_failure_url), verified the same way and answered with the handler's page.
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
            var replies = new RememberedReplies(options);
            var result = new CallbackEndpoint(CallbackKind.Result, options, replies);
            var check = new CallbackEndpoint(CallbackKind.Check, options, replies);
            endpoints.MapMethods(root + "/result", new[] { "GET", "POST" }, result.HandleAsync);
            endpoints.MapMethods(root + "/check", new[] { "GET", "POST" }, check.HandleAsync);

            // The buyer's return is the shop's page: mapped only when the shop registered one.
            if (endpoints.ServiceProvider.GetService<IServiceProviderIsService>()?.IsService(typeof(IFreedomPayReturnHandler)) == true)
            {
                endpoints.MapMethods(root + "/success", new[] { "GET", "POST" }, new ReturnEndpoint(succeeded: true, options).HandleAsync);
                endpoints.MapMethods(root + "/failure", new[] { "GET", "POST" }, new ReturnEndpoint(succeeded: false, options).HandleAsync);
            }

            return endpoints;
        }
    }
}
