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
    /// URL's last path segment, parse, run the handler once per distinct content (<see cref="CallbackOnce"/>), answer
    /// signed XML (or HTTP 503 "retry later" while the same callback is still being handled elsewhere). A
    /// body that cannot be read, a bad signature or a malformed callback is answered with a signed <c>error</c>, and
    /// the handler is not called.
    /// </summary>
    internal sealed class CallbackEndpoint(CallbackKind kind, FreedomPayCallbackOptions options, CallbackOnce once)
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

            if (!options.RememberReplies)
            {
                await WriteAsync(context, script, await AskAsync(ask).ConfigureAwait(false)).ConfigureAwait(false);
                return;
            }

            string key = CallbackKeys.Of(kind.ToString(), script, paymentId, message.ContentFingerprint);
            OnceOutcome outcome = await once.RunAsync(
                context.RequestServices, logger, key, async () => ReplyBytes.Encode(await AskAsync(ask).ConfigureAwait(false)), bytes => ReplyBytes.Decode(bytes) is not null, context.RequestAborted).ConfigureAwait(false);
            if (outcome.IsRetryLater)
            {
                logger.LogInformation("FreedomPay {Kind} callback for payment {PaymentId} is being handled by another request: asked to retry later", kind, paymentId);
                RetryLaterAnswer.Write(context, options);
                return;
            }

            CallbackReply reply = ReplyBytes.Decode(outcome.Reply!)!;
            if (outcome.Repeated)
            {
                logger.LogInformation("FreedomPay {Kind} callback for payment {PaymentId} repeated: answered {Status} as before", kind, paymentId, reply.WireStatus);
            }

            await WriteAsync(context, script, reply).ConfigureAwait(false);
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
