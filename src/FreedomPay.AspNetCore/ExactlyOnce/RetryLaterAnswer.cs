using System.Globalization;
using Microsoft.AspNetCore.Http;

namespace FreedomPay.AspNetCore
{
    /// <summary>
    /// The answer to a copy of a callback whose first copy is still being handled (or whose handler just failed):
    /// HTTP 503 with <c>Retry-After</c>. FreedomPay repeats a callback until it gets HTTP 200, so the repeat gets the
    /// reply the first copy left; the handler is never run twice for it.
    /// </summary>
    internal static class RetryLaterAnswer
    {
        public static void Write(HttpContext context, FreedomPayCallbackOptions options)
        {
            context.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
            context.Response.Headers.RetryAfter = ((int)System.Math.Ceiling(options.ClaimWait.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
        }
    }
}
