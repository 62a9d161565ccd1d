using System;
using System.Net.Http;
using System.Net.Sockets;
using System.Threading;
using System.Threading.Tasks;

namespace FreedomPay.Runtime
{
    /// <summary>
    /// Sends one attempt of an operation and returns the reply's bytes, with the operation's timeout. It decides
    /// what a failure means for money: a request that could not be sent changed nothing; one that was sent and got
    /// no answer (timeout, cut connection, HTTP 5xx) has an unknown outcome unless the operation is safe to repeat.
    /// </summary>
    internal sealed class HttpTransport
    {
        private static readonly TimeSpan DefaultTimeout = TimeSpan.FromSeconds(60);

        private readonly HttpClient _httpClient;
        private readonly Uri? _baseAddress;
        private readonly TimeSpan? _timeout;

        public HttpTransport(HttpClient httpClient, Uri? baseAddress, TimeSpan? timeout)
        {
            _httpClient = httpClient;
            _baseAddress = baseAddress;
            _timeout = timeout;
        }

        public async Task<byte[]> SendAsync(OperationDescriptor operation, FormFieldList fields, CancellationToken cancellationToken)
        {
            TimeSpan timeout = _timeout ?? operation.Timeout ?? DefaultTimeout;
            using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            deadline.CancelAfter(timeout);
            using HttpRequestMessage message = CreateMessage(operation, _baseAddress ?? operation.DefaultServer, fields);
            try
            {
                using HttpResponseMessage response = await _httpClient.SendAsync(message, HttpCompletionOption.ResponseContentRead, deadline.Token).ConfigureAwait(false);
#if NET8_0_OR_GREATER
                byte[] body = await response.Content.ReadAsByteArrayAsync(deadline.Token).ConfigureAwait(false);
#else
                byte[] body = await response.Content.ReadAsByteArrayAsync().ConfigureAwait(false);
#endif
                if (!response.IsSuccessStatusCode)
                {
                    throw HttpError(operation, (int)response.StatusCode, response.ReasonPhrase);
                }

                return body;
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                throw;
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
        }

        private static HttpRequestMessage CreateMessage(OperationDescriptor operation, Uri baseAddress, FormFieldList fields)
        {
            if (string.Equals(operation.HttpMethod, "GET", StringComparison.OrdinalIgnoreCase))
            {
                return new HttpRequestMessage(HttpMethod.Get, new Uri(baseAddress, operation.Path + "?" + FormBody.UrlEncodedText(fields)));
            }

            return new HttpRequestMessage(HttpMethod.Post, new Uri(baseAddress, operation.Path)) { Content = FormBody.Create(fields, operation.Encoding) };
        }

        /// <summary>Sent, but no reply: safe operations may simply be repeated; others have an unknown outcome.</summary>
        private static FreedomPayException Lost(OperationDescriptor operation, string what, Exception inner) => operation.SafeToRetry
            ? new FreedomPayNetworkException(operation.DisplayName, $"{operation.DisplayName} did not complete: {what}. It is safe to call again.", inner)
            : new FreedomPayOutcomeUnknownException(operation.DisplayName, $"{operation.DisplayName} did not complete: {what}. The gateway may have acted on it: check the payment's status before sending it again.", inner);

        private static FreedomPayException HttpError(OperationDescriptor operation, int status, string? reason)
        {
            if (status >= 500 && !operation.SafeToRetry)
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
