using System;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;

namespace FreedomPay.AspNetCore
{
    /// <summary>Maps FreedomPay's callbacks to the application's <see cref="IFreedomPayCallbackHandler"/>.</summary>
    public static class FreedomPayEndpointRouteBuilderExtensions
    {
        /// <summary>
        /// Maps <c>{prefix}/result</c> (Result notify) and <c>{prefix}/check</c> (Check request), GET and POST. Give
        /// FreedomPay those URLs as pg_result_url and pg_check_url: each is verified with the last segment of its
        /// own path as the script name.
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
            return endpoints;
        }
    }
}
