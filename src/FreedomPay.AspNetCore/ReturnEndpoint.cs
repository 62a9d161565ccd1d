using System;
using System.Linq;
using System.Threading.Tasks;
using FreedomPay.Callbacks;
using FreedomPay.Runtime;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace FreedomPay.AspNetCore
{
    /// <summary>
    /// The buyer's browser coming back (<see cref="RedirectBack"/>, reply kind none): read within the limits, verify
    /// for the URL's last path segment, then the shop's <see cref="IFreedomPayReturnHandler"/> answers with its page.
    /// An unreadable, unsigned or malformed return is a plain 400 page, and the handler is not called.
    /// </summary>
    internal sealed class ReturnEndpoint(bool succeeded, FreedomPayCallbackOptions options)
    {
        private const string Refused = "This return address is not validly signed by FreedomPay. Your order's status is checked separately; please return to the shop.";

        public async Task HandleAsync(HttpContext context)
        {
            ILogger logger = context.RequestServices.GetService<ILoggerFactory>()?.CreateLogger("FreedomPay.AspNetCore") ?? NullLogger.Instance;
            string script = context.Request.Path.Value?.Split('/').LastOrDefault(s => s.Length > 0) ?? (succeeded ? "success" : "failure");
            RedirectBack back;
            try
            {
                CallbackMessage message = await CallbackBodyReader.ReadAsync(context.Request, script, options, context.RequestAborted).ConfigureAwait(false);
                back = RedirectBack.Parse(message, options.SecretKey);
            }
            catch (Exception ex) when (ex is MalformedCallbackException or FreedomPaySignatureException or FreedomPayProtocolException)
            {
                logger.LogWarning("FreedomPay return to {Script} refused: {Reason}", script, ex.GetType().Name);
                await Results.Text(Refused, "text/plain; charset=utf-8", statusCode: StatusCodes.Status400BadRequest).ExecuteAsync(context).ConfigureAwait(false);
                return;
            }

            IResult page = await context.RequestServices.GetRequiredService<IFreedomPayReturnHandler>().OnReturnAsync(back, succeeded, context.RequestAborted).ConfigureAwait(false)
                ?? throw new InvalidOperationException("The IFreedomPayReturnHandler returned null; return the page to show (an IResult).");
            await page.ExecuteAsync(context).ConfigureAwait(false);
        }
    }
}
