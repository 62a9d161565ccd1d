using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using FreedomPay.Runtime;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Primitives;

namespace FreedomPay.AspNetCore
{
    /// <summary>
    /// Reads a callback from anyone on the internet, before its signature is known to be good: the body is read into
    /// memory up to <see cref="FreedomPayCallbackOptions.MaxBodyBytes"/> and no further, forms are parsed from that
    /// copy with field limits, XML with the runtime's bounded reader. Every way a body can be wrong ends in a
    /// <see cref="MalformedCallbackException"/> naming the problem, never in an HTTP 500.
    /// </summary>
    internal static class CallbackBodyReader
    {
        public static async Task<CallbackMessage> ReadAsync(HttpRequest request, string script, FreedomPayCallbackOptions options, CancellationToken cancellationToken)
        {
            try
            {
                if (!HasBody(request))
                {
                    return CallbackMessage.FromFields(script, Pairs(request.Query, options.MaxFields), options.MaxFields);
                }

                BoundedBody body = await BoundedBody.ReadAsync(request.Body, request.ContentLength, options.MaxBodyBytes, cancellationToken).ConfigureAwait(false)
                    ?? throw new MalformedCallbackException($"The callback body is larger than {options.MaxBodyBytes} bytes (FreedomPayCallbackOptions.MaxBodyBytes).");
                if (request.HasFormContentType)
                {
                    IFormCollection form = await ReadFormAsync(request, body, options).ConfigureAwait(false);
                    if (form.TryGetValue("pg_xml", out StringValues xml) && xml.Count == 1)
                    {
                        return CallbackMessage.FromXml(script, xml[0] ?? string.Empty, options.MaxBodyBytes, options.MaxFields);
                    }

                    return CallbackMessage.FromFields(script, Pairs(form, options.MaxFields), options.MaxFields);
                }

                if (request.ContentType?.Contains("xml", StringComparison.OrdinalIgnoreCase) == true)
                {
                    return CallbackMessage.FromXml(script, Utf8(body), options.MaxBodyBytes, options.MaxFields);
                }

                throw new MalformedCallbackException($"The callback's content type '{Shorten(request.ContentType)}' is neither a form nor XML.");
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                throw;
            }
            catch (MalformedCallbackException)
            {
                throw;
            }
            catch (FreedomPayProtocolException ex)
            {
                // A limit of the reader is a full sentence naming it; a parse error could echo the body, so it is not repeated.
                throw new MalformedCallbackException(ex.InnerException is null ? ex.Message : "The callback is not well-formed XML.", ex);
            }
            catch (Exception ex) when (ex is InvalidDataException or IOException or FormatException or InvalidOperationException or BadHttpRequestException or DecoderFallbackException)
            {
                // Broken multipart, form limits, a body cut short, bad percent-encoding: all the sender's fault.
                throw new MalformedCallbackException("The callback body cannot be read as a form within the limits (" + ex.GetType().Name + ").", ex);
            }
        }

        private static bool HasBody(HttpRequest request) =>
            request.ContentLength > 0 || (request.ContentLength is null && request.Headers.TransferEncoding.Count > 0);

        /// <summary>Parses the form from the copy in memory, with ASP.NET Core's form reader and our limits.</summary>
        private static Task<IFormCollection> ReadFormAsync(HttpRequest request, BoundedBody body, FreedomPayCallbackOptions options)
        {
            request.Body = new MemoryStream(body.Buffer, 0, body.Length, writable: false);
            var limits = new FormOptions
            {
                ValueCountLimit = options.MaxFields,
                KeyLengthLimit = 1024,
                ValueLengthLimit = options.MaxBodyBytes,
                MultipartBodyLengthLimit = options.MaxBodyBytes,
                MultipartHeadersCountLimit = 16,
                MultipartHeadersLengthLimit = 4 * 1024,
                BufferBody = false,
            };
            request.HttpContext.Features.Set<IFormFeature>(new FormFeature(request, limits));
            return request.ReadFormAsync();
        }

        private static IEnumerable<KeyValuePair<string, string>> Pairs(IEnumerable<KeyValuePair<string, StringValues>> values, int maxFields) =>
            values.SelectMany(pair => pair.Value.Select(value => new KeyValuePair<string, string>(pair.Key, value ?? string.Empty))).Take(maxFields + 1);

        private static string Utf8(BoundedBody body)
        {
            try
            {
                return new UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true).GetString(body.Buffer, 0, body.Length);
            }
            catch (ArgumentException ex)
            {
                throw new MalformedCallbackException("The callback's XML is not UTF-8.", ex);
            }
        }

        private static string Shorten(string? text) => text is null ? string.Empty : text.Length <= 40 ? text : text.Substring(0, 40) + "...";
    }

    /// <summary>A callback that cannot be read; <see cref="Exception.Message"/> is a sentence saying why, without echoing its content.</summary>
    internal sealed class MalformedCallbackException(string reason, Exception? inner = null) : Exception(reason, inner);
}
