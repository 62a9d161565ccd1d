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
    /// One callback endpoint: read the fields within the limits (form, query or XML), verify the signature for the
    /// URL's last path segment, parse, answer from the remembered replies or ask the handler, answer signed XML. A
    /// body that cannot be read, a bad signature or a malformed callback is answered with a signed <c>error</c>, and
    /// the handler is not called.
    /// </summary>
    internal sealed class CallbackEndpoint(CallbackKind kind, FreedomPayCallbackOptions options, RememberedReplies replies)
    {
        public async Task HandleAsync(HttpContext context)
        {
            ILogger logger = context.RequestServices.GetService<ILoggerFactory>()?.CreateLogger("FreedomPay.AspNetCore") ?? NullLogger.Instance;
            string script = context.Request.Path.Value?.Split('/').LastOrDefault(s => s.Length > 0) ?? kind.ToString().ToLowerInvariant();
            CallbackMessage message;
            try
            {
                message = await CallbackBodyReader.ReadAsync(context.Request, script, options, context.RequestAborted).ConfigureAwait(false);
            }
            catch (MalformedCallbackException ex)
            {
                logger.LogWarning("FreedomPay {Kind} callback refused: {Reason}", kind, ex.Message);
                await WriteAsync(context, script, CallbackReply.Error(ex.Message)).ConfigureAwait(false);
                return;
            }

            if (!message.HasValidSignature(options.SecretKey))
            {
                logger.LogWarning("FreedomPay {Kind} callback refused: invalid signature", kind);
                await WriteAsync(context, script, CallbackReply.Error("Invalid signature.")).ConfigureAwait(false);
                return;
            }

            Func<Task<CallbackReply>> ask;
            string? paymentId;
            try
            {
                var handler = context.RequestServices.GetRequiredService<IFreedomPayCallbackHandler>();
                if (kind == CallbackKind.Result)
                {
                    ResultNotification notification = ResultNotification.Parse(message, options.SecretKey);
                    paymentId = notification.PaymentId.ToString(System.Globalization.CultureInfo.InvariantCulture);
                    ask = () => handler.OnResultAsync(notification, context.RequestAborted);
                }
                else
                {
                    CheckRequest check = CheckRequest.Parse(message, options.SecretKey);
                    paymentId = check.PaymentId.ToString(System.Globalization.CultureInfo.InvariantCulture);
                    ask = () => handler.OnCheckAsync(check, context.RequestAborted);
                }
            }
            catch (FreedomPayProtocolException ex)
            {
                logger.LogWarning("FreedomPay {Kind} callback refused: {Reason}", kind, ex.Message);
                await WriteAsync(context, script, CallbackReply.Error("The callback is missing a field or has a malformed one.")).ConfigureAwait(false);
                return;
            }

            CallbackReply reply = options.RememberReplies
                ? await RememberedOrAskAsync(context, logger, RememberedReplies.KeyOf(kind.ToString(), script, paymentId, message.ContentFingerprint), paymentId, ask).ConfigureAwait(false)
                : await AskAsync(ask).ConfigureAwait(false);
            await WriteAsync(context, script, reply).ConfigureAwait(false);
        }

        /// <summary>
        /// The reply remembered for exactly this content, or the handler's (then remembered). A store that fails is
        /// logged and bypassed: answering the gateway matters more than remembering.
        /// </summary>
        private async Task<CallbackReply> RememberedOrAskAsync(HttpContext context, ILogger logger, string key, string paymentId, Func<Task<CallbackReply>> ask)
        {
            IServiceProvider services = context.RequestServices;
            try
            {
                if (await replies.FindAsync(services, key, context.RequestAborted).ConfigureAwait(false) is { } remembered)
                {
                    logger.LogInformation("FreedomPay {Kind} callback for payment {PaymentId} repeated: answered {Status} as before", kind, paymentId, remembered.WireStatus);
                    return remembered;
                }
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                logger.LogWarning(ex, "FreedomPay callback replies could not be read from the {Store} store", RememberedReplies.StoreName(services));
            }

            CallbackReply reply = await AskAsync(ask).ConfigureAwait(false);
            try
            {
                await replies.RememberAsync(services, key, reply, context.RequestAborted).ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                logger.LogWarning(ex, "FreedomPay callback reply for payment {PaymentId} could not be remembered in the {Store} store", paymentId, RememberedReplies.StoreName(services));
            }

            return reply;
        }

        private static async Task<CallbackReply> AskAsync(Func<Task<CallbackReply>> ask) =>
            await ask().ConfigureAwait(false) ?? throw new InvalidOperationException("The IFreedomPayCallbackHandler returned null; return a CallbackReply (Ok, Rejected or Error).");

        private Task WriteAsync(HttpContext context, string script, CallbackReply reply)
        {
            context.Response.ContentType = "application/xml; charset=utf-8";
            return context.Response.WriteAsync(reply.ToXml(script, options.SecretKey));
        }
    }

    internal enum CallbackKind
    {
        Result,
        Check,
    }
}
