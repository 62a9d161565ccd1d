using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Threading.Tasks;
using FreedomPay.Callbacks;
using FreedomPay.Runtime;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace FreedomPay.AspNetCore
{
    /// <summary>
    /// One callback endpoint: read the fields (form, query or XML), verify the signature for the URL's last path
    /// segment, parse, ask the handler (or the remembered reply), answer signed XML. A bad signature or a
    /// malformed callback is answered with a signed <c>error</c>, and the handler is not called.
    /// </summary>
    internal sealed class CallbackEndpoint(CallbackKind kind, FreedomPayCallbackOptions options)
    {
        private readonly ConcurrentDictionary<string, CallbackReply> _replies = new(StringComparer.Ordinal);

        public async Task HandleAsync(HttpContext context)
        {
            ILogger logger = context.RequestServices.GetService<ILoggerFactory>()?.CreateLogger("FreedomPay.AspNetCore") ?? Microsoft.Extensions.Logging.Abstractions.NullLogger.Instance;
            string script = context.Request.Path.Value?.Split('/').LastOrDefault(s => s.Length > 0) ?? kind.ToString().ToLowerInvariant();
            CallbackMessage message;
            try
            {
                message = await ReadAsync(context.Request, script).ConfigureAwait(false);
            }
            catch (FreedomPayProtocolException ex)
            {
                await WriteAsync(context, script, CallbackReply.Error("The callback is not well-formed.")).ConfigureAwait(false);
                logger.LogWarning("FreedomPay {Kind} callback refused: {Reason}", kind, ex.Message);
                return;
            }

            if (!message.HasValidSignature(options.SecretKey))
            {
                logger.LogWarning("FreedomPay {Kind} callback for payment {PaymentId} refused: invalid signature", kind, message.PaymentId);
                await WriteAsync(context, script, CallbackReply.Error("Invalid signature.")).ConfigureAwait(false);
                return;
            }

            string memoryKey = message.PaymentId ?? string.Empty;
            if (options.RememberReplies && memoryKey.Length > 0 && _replies.TryGetValue(memoryKey, out CallbackReply? remembered))
            {
                await WriteAsync(context, script, remembered).ConfigureAwait(false);
                return;
            }

            CallbackReply reply;
            try
            {
                var handler = context.RequestServices.GetRequiredService<IFreedomPayCallbackHandler>();
                reply = kind == CallbackKind.Result
                    ? await handler.OnResultAsync(ResultNotification.Parse(message, options.SecretKey), context.RequestAborted).ConfigureAwait(false)
                    : await handler.OnCheckAsync(CheckRequest.Parse(message, options.SecretKey), context.RequestAborted).ConfigureAwait(false);
            }
            catch (FreedomPayProtocolException ex)
            {
                logger.LogWarning("FreedomPay {Kind} callback for payment {PaymentId} refused: {Reason}", kind, message.PaymentId, ex.Message);
                await WriteAsync(context, script, CallbackReply.Error("The callback is missing a field or has a malformed one.")).ConfigureAwait(false);
                return;
            }

            if (options.RememberReplies && memoryKey.Length > 0)
            {
                reply = _replies.GetOrAdd(memoryKey, reply);
            }

            await WriteAsync(context, script, reply).ConfigureAwait(false);
        }

        private static async Task<CallbackMessage> ReadAsync(HttpRequest request, string script)
        {
            if (request.HasFormContentType)
            {
                IFormCollection form = await request.ReadFormAsync().ConfigureAwait(false);
                if (form.TryGetValue("pg_xml", out var xml) && xml.Count == 1)
                {
                    return CallbackMessage.FromXml(script, xml[0] ?? string.Empty);
                }

                return CallbackMessage.FromFields(script, Pairs(form));
            }

            if (request.ContentType?.Contains("xml", StringComparison.OrdinalIgnoreCase) == true)
            {
                using var reader = new StreamReader(request.Body);
                return CallbackMessage.FromXml(script, await reader.ReadToEndAsync().ConfigureAwait(false));
            }

            return CallbackMessage.FromFields(script, Pairs(request.Query));
        }

        private static IEnumerable<KeyValuePair<string, string>> Pairs(IEnumerable<KeyValuePair<string, Microsoft.Extensions.Primitives.StringValues>> values) =>
            values.SelectMany(pair => pair.Value.Select(value => new KeyValuePair<string, string>(pair.Key, value ?? string.Empty)));

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
