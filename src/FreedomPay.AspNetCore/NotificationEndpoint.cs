using System;
using System.Linq;
using System.Threading.Tasks;
using FreedomPay.Runtime;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace FreedomPay.AspNetCore
{
    /// <summary>
    /// One notification endpoint whose reply is plain HTTP 200: read within the limits, verify with the key the
    /// callback's area names and the URL's last path segment as the script name, parse, hand to the shop's
    /// <see cref="IFreedomPayNotificationHandler{TNotification}"/> once per distinct content (<see cref="CallbackOnce"/>;
    /// a repeat is answered 200 without it), answer 200 with an empty body. An unreadable,
    /// unsigned or malformed notification is answered 400 (a real one is posted again; a forged one is not acted on),
    /// and the handler is not called.
    /// </summary>
    internal sealed class NotificationEndpoint<TNotification>(
        Func<CallbackMessage, string, TNotification> parse,
        string secretKey,
        FreedomPayCallbackOptions options,
        CallbackOnce once)
        where TNotification : FreedomPayCallback
    {
        public async Task HandleAsync(HttpContext context)
        {
            ILogger logger = context.RequestServices.GetService<ILoggerFactory>()?.CreateLogger("FreedomPay.AspNetCore") ?? NullLogger.Instance;
            string script = context.Request.Path.Value?.Split('/').LastOrDefault(s => s.Length > 0) ?? string.Empty;
            TNotification notification;
            string fingerprint;
            try
            {
                CallbackMessage message = await CallbackBodyReader.ReadAsync(context.Request, script, options, context.RequestAborted).ConfigureAwait(false);
                notification = parse(message, secretKey);
                fingerprint = message.ContentFingerprint;
            }
            catch (Exception ex) when (ex is MalformedCallbackException or FreedomPaySignatureException or FreedomPayProtocolException)
            {
                // The reason names a limit or a field, never a value: the body is not trusted yet.
                logger.LogWarning("FreedomPay {Notification} refused: {Reason}", typeof(TNotification).Name, ex is FreedomPaySignatureException ? "invalid signature" : ex.Message);
                context.Response.StatusCode = StatusCodes.Status400BadRequest;
                return;
            }

            var handler = context.RequestServices.GetRequiredService<IFreedomPayNotificationHandler<TNotification>>();
            if (!options.RememberReplies)
            {
                await handler.OnNotificationAsync(notification, context.RequestAborted).ConfigureAwait(false);
                context.Response.StatusCode = StatusCodes.Status200OK;
                return;
            }

            // Handled once per distinct content, like Result notify; the remembered "reply" is only that it was handled.
            string key = CallbackKeys.Of(typeof(TNotification).Name, script, paymentId: null, fingerprint);
            OnceOutcome outcome = await once.RunAsync(
                context.RequestServices,
                logger,
                key,
                async () =>
                {
                    await handler.OnNotificationAsync(notification, context.RequestAborted).ConfigureAwait(false);
                    return Handled;
                },
                bytes => bytes.Length == 0,
                context.RequestAborted).ConfigureAwait(false);
            if (outcome.IsRetryLater)
            {
                RetryLaterAnswer.Write(context, options);
                return;
            }

            if (outcome.Repeated)
            {
                logger.LogInformation("FreedomPay {Notification} repeated: answered 200 as before, the handler not called again", typeof(TNotification).Name);
            }

            context.Response.StatusCode = StatusCodes.Status200OK;
        }

        private static readonly byte[] Handled = Array.Empty<byte>();
    }
}
