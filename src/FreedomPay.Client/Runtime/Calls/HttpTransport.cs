using System;
using System.Collections.Generic;
using System.IO;
using System.Net.Http;
using System.Net.Sockets;
using System.Threading;
using System.Threading.Tasks;

namespace FreedomPay.Runtime
{
    /// <summary>
    /// Sends one attempt of an operation and returns the reply's bytes, with the operation's timeout and the reply
    /// size cap. It decides what a failure means for money: a request that could not be sent changed nothing; one
    /// that was sent and got no usable answer (timeout, cut connection, HTTP 5xx or 3xx, any failure of the HTTP
    /// pipeline) has an unknown outcome unless the operation is safe to repeat. Redirects are never followed: the
    /// signed request (SMS code included) goes to the configured gateway and nowhere else.
    /// </summary>
    internal sealed class HttpTransport
    {
        private static readonly TimeSpan DefaultTimeout = TimeSpan.FromSeconds(60);

        private readonly HttpClient _httpClient;
        private readonly Uri? _baseAddress;
        private readonly TimeSpan? _timeout;
        private readonly int _maxReplyBytes;

        public HttpTransport(HttpClient httpClient, Uri? baseAddress, TimeSpan? timeout, int maxReplyBytes)
        {
            _httpClient = httpClient;
            _baseAddress = baseAddress;
            _timeout = timeout;
            _maxReplyBytes = maxReplyBytes;
        }

        /// <param name="operation">What is sent.</param>
        /// <param name="path">The operation's path with its parameters filled in.</param>
        /// <param name="body">The signed fields, or a JSON body, with the headers to send.</param>
        /// <param name="cancellationToken">Cancels the call.</param>
        /// <returns>
        /// The reply's bytes, for a JSON area its headers, and whether it came with an HTTP status the area's error shape
        /// lists (its body is an error reply to read).
        /// </returns>
        public async Task<(BoundedBody Body, IReadOnlyList<KeyValuePair<string, string>>? Headers, bool ErrorStatus)> SendAsync(OperationDescriptor operation, string path, OutgoingBody body, CancellationToken cancellationToken)
        {
            TimeSpan timeout = _timeout ?? operation.Timeout ?? DefaultTimeout;
            using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            deadline.CancelAfter(timeout);
            using HttpRequestMessage message = CreateMessage(operation, _baseAddress ?? operation.DefaultServer, path, body);
            Uri target = message.RequestUri!;
            try
            {
                using HttpResponseMessage response = await _httpClient.SendAsync(message, HttpCompletionOption.ResponseHeadersRead, deadline.Token).ConfigureAwait(false);
                int status = (int)response.StatusCode;
                if (status is >= 300 and < 400)
                {
                    throw Redirected(operation, status);
                }

                bool errorStatus = !response.IsSuccessStatusCode && operation.Errors.IsErrorStatus(status);
                if (!response.IsSuccessStatusCode && !errorStatus)
                {
                    throw HttpError(operation, status, response.ReasonPhrase);
                }

                if (response.RequestMessage?.RequestUri is { } answeredFrom && !ReferenceEquals(answeredFrom, target) && !answeredFrom.Equals(target))
                {
                    // An HttpClient the caller owns followed a redirect: the reply is not the gateway's.
                    throw Redirected(operation, status);
                }

                long? declared = response.Content.Headers.ContentLength;
                if (declared > _maxReplyBytes)
                {
                    throw TooLarge(operation, $"it declares {declared} bytes");
                }

#if NET8_0_OR_GREATER
                using Stream stream = await response.Content.ReadAsStreamAsync(deadline.Token).ConfigureAwait(false);
#else
                using Stream stream = await response.Content.ReadAsStreamAsync().ConfigureAwait(false);
#endif
                BoundedBody reply = await BoundedBody.ReadAsync(stream, declared, _maxReplyBytes, deadline.Token).ConfigureAwait(false)
                    ?? throw TooLarge(operation, "it went on past the limit");
                return (reply, operation.Encoding == RequestEncoding.Json ? HeadersOf(response) : null, errorStatus);
            }
            catch (FreedomPayException)
            {
                throw;
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                throw;
            }
            catch (Exception ex) when (cancellationToken.IsCancellationRequested)
            {
                // The caller cancelled, and the pipeline failed because of it in its own way.
                throw new OperationCanceledException($"{operation.DisplayName} was cancelled by the caller.", ex, cancellationToken);
            }
            catch (OperationCanceledException ex)
            {
                throw Lost(operation, $"no reply within {timeout.TotalSeconds:0.###} s", ex);
            }
            catch (HttpRequestException ex) when (WasNotSent(ex))
            {
                throw new FreedomPayNetworkException(operation.DisplayName, $"{operation.DisplayName} was not sent: the gateway could not be reached ({ex.Message}). Nothing happened; it is safe to call again.", ex);
            }
            catch (HttpRequestException ex)
            {
                throw Lost(operation, "the connection failed (" + ex.Message + ")", ex);
            }
            catch (Exception ex)
            {
                // Whatever else the HTTP pipeline throws (an IOException mid-body, a handler that breaks its contract,
                // a resilience handler the application added): the request may have gone out.
                throw Lost(operation, "the HTTP pipeline failed (" + ex.GetType().Name + ")", ex);
            }
        }

        /// <summary>The reply's headers as name-value pairs (a header sent several times gives several pairs).</summary>
        private static List<KeyValuePair<string, string>> HeadersOf(HttpResponseMessage response)
        {
            var headers = new List<KeyValuePair<string, string>>();
            foreach (KeyValuePair<string, IEnumerable<string>> header in response.Headers)
            {
                foreach (string value in header.Value)
                {
                    headers.Add(new KeyValuePair<string, string>(header.Key, value));
                }
            }

            return headers;
        }

        private FreedomPayProtocolException TooLarge(OperationDescriptor operation, string what) =>
            new FreedomPayProtocolException($"The reply to {operation.DisplayName} is larger than the {_maxReplyBytes}-byte limit (FreedomPayClientOptions.MaxReplyBytes; {what}) and was refused unread; gateway replies are a few kilobytes.")
            {
                Operation = operation.DisplayName,
            };

        private static HttpRequestMessage CreateMessage(OperationDescriptor operation, Uri baseAddress, string path, OutgoingBody body)
        {
            HttpRequestMessage message;
            if (body.Json.Array is { } json)
            {
                // Constant header texts added unparsed: no header objects to build for every call.
                var content = new ByteArrayContent(json, body.Json.Offset, body.Json.Count);
                content.Headers.TryAddWithoutValidation("Content-Type", "application/json; charset=utf-8");
                message = new HttpRequestMessage(HttpMethod.Post, new Uri(baseAddress, path)) { Content = content };
                message.Headers.TryAddWithoutValidation("Accept", "application/json");
            }
            else if (string.Equals(operation.HttpMethod, "GET", StringComparison.OrdinalIgnoreCase))
            {
                message = new HttpRequestMessage(HttpMethod.Get, new Uri(baseAddress, path + "?" + FormBody.UrlEncodedText(body.Fields!)));
            }
            else
            {
                message = new HttpRequestMessage(HttpMethod.Post, new Uri(baseAddress, path)) { Content = FormBody.Create(body.Fields!, operation.Encoding) };
            }

            if (body.Headers is { } headers)
            {
                foreach (KeyValuePair<string, string> header in headers)
                {
                    message.Headers.TryAddWithoutValidation(header.Key, header.Value);
                }
            }

            return message;
        }

        /// <summary>Sent, but no reply: safe operations may simply be repeated; others have an unknown outcome.</summary>
        private static FreedomPayException Lost(OperationDescriptor operation, string what, Exception inner) => operation.Retryable
            ? new FreedomPayNetworkException(operation.DisplayName, $"{operation.DisplayName} did not complete: {what}. It is safe to call again.", inner)
            : new FreedomPayOutcomeUnknownException(operation.DisplayName, $"{operation.DisplayName} did not complete: {what}. The gateway may have acted on it: check the payment's status before sending it again.", inner);

        /// <summary>
        /// A redirect is never followed (that would send the signed request, SMS code included, to another address).
        /// The gateway never redirects API calls, so the base address is wrong or something in between answered.
        /// </summary>
        private static FreedomPayException Redirected(OperationDescriptor operation, int status)
        {
            string what = $"The gateway answered {operation.DisplayName} with a redirect (HTTP {status}), which the client does not follow: the signed request goes to the configured address only. Check the base address (https, the exact host).";
            return operation.Retryable
                ? new FreedomPayProtocolException(what) { Operation = operation.DisplayName, HttpStatusCode = status }
                : new FreedomPayOutcomeUnknownException(operation.DisplayName, what + " Something at that address received the call: check the payment's status before sending it again.", null) { HttpStatusCode = status };
        }

        private static FreedomPayException HttpError(OperationDescriptor operation, int status, string? reason)
        {
            if (status >= 500 && !operation.Retryable)
            {
                return new FreedomPayOutcomeUnknownException(operation.DisplayName, $"The gateway answered {operation.DisplayName} with HTTP {status} {reason}. It may have acted on it: check the payment's status before sending it again.", null)
                {
                    HttpStatusCode = status,
                };
            }

            string next = status >= 500 ? "It is safe to call again." : "The request was refused; check the base address.";
            return new FreedomPayProtocolException($"The gateway answered {operation.DisplayName} with HTTP {status} {reason}. {next}")
            {
                Operation = operation.DisplayName,
                HttpStatusCode = status,
            };
        }

        /// <summary>True when the request certainly never reached the gateway (no connection was made).</summary>
        private static bool WasNotSent(HttpRequestException exception)
        {
#if NET8_0_OR_GREATER
            if (exception.HttpRequestError is HttpRequestError.ConnectionError or HttpRequestError.NameResolutionError)
            {
                return true;
            }
#endif
            return exception.InnerException is SocketException { SocketErrorCode: SocketError.ConnectionRefused or SocketError.HostNotFound or SocketError.HostUnreachable or SocketError.NetworkUnreachable };
        }
    }
}
