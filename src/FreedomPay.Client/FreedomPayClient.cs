using System;
using System.Net.Http;
using FreedomPay.Runtime;

namespace FreedomPay
{
    /// <summary>
    /// The FreedomPay client. Each API area of the spec is a property (e.g. <c>client.MobileBalance</c>) generated
    /// into this partial class at compile time. Thread-safe; create one per merchant and reuse it.
    /// </summary>
    public sealed partial class FreedomPayClient : IDisposable
    {
        private readonly HttpClient _httpClient;
        private readonly bool _ownsHttpClient;

        /// <summary>Creates a client with its own HttpClient (disposed with the client).</summary>
        public FreedomPayClient(FreedomPayClientOptions options)
            : this(CreateHttpClient(options), options, ownsHttpClient: true)
        {
        }

        /// <summary>
        /// Creates a client over an HttpClient the caller owns (e.g. from IHttpClientFactory); it is not disposed here.
        /// Give it a handler that does not follow redirects (<c>AllowAutoRedirect = false</c>, as <c>AddFreedomPay</c>
        /// does): a handler that follows one re-sends the signed request elsewhere before the client can refuse the reply.
        /// </summary>
        public FreedomPayClient(HttpClient httpClient, FreedomPayClientOptions options)
            : this(httpClient ?? throw new ArgumentNullException(nameof(httpClient)), options, ownsHttpClient: false)
        {
        }

        private FreedomPayClient(HttpClient httpClient, FreedomPayClientOptions options, bool ownsHttpClient)
        {
            if (options is null)
            {
                throw new ArgumentNullException(nameof(options));
            }

            _httpClient = httpClient;
            _ownsHttpClient = ownsHttpClient;
            Connection = new FreedomPayConnection(httpClient, options.Validated());
        }

        /// <summary>
        /// Signs, sends and verifies requests. Generated API areas (also those generated in your own assembly from
        /// your own spec) call the gateway through it.
        /// </summary>
        public FreedomPayConnection Connection { get; }

        /// <summary>
        /// Sends a call no spec describes yet (see <see cref="RawRequest"/>) through the same connection: signed, limited,
        /// logged, its reply verified; a <c>pg_status=error</c> reply throws <see cref="FreedomPayGatewayException"/>.
        /// </summary>
        /// <exception cref="ArgumentException">The request cannot be sent as given; nothing was sent.</exception>
        public System.Threading.Tasks.Task<RawResponse> SendRawAsync(RawRequest request, System.Threading.CancellationToken cancellationToken = default)
        {
            if (request is null)
            {
                throw new ArgumentNullException(nameof(request));
            }

            OperationDescriptor operation = request.Describe();
            return Connection.SendAsync(operation, new RawFields(operation.Fields, request.Fields), raw => new RawResponse(raw), cancellationToken);
        }

        /// <summary>Disposes the HttpClient if the client created it.</summary>
        public void Dispose()
        {
            if (_ownsHttpClient)
            {
                _httpClient.Dispose();
            }
        }

        private static HttpClient CreateHttpClient(FreedomPayClientOptions options)
        {
            if (options is null)
            {
                throw new ArgumentNullException(nameof(options));
            }

            // Redirects are never followed: a signed request (an SMS code in it) goes to the gateway's address only.
#if NET8_0_OR_GREATER
            // Recycle pooled connections so DNS changes of the gateway are picked up.
            var handler = new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(5), AllowAutoRedirect = false };
#else
            var handler = new HttpClientHandler { AllowAutoRedirect = false };
#endif
            // Timeouts are per operation (see FreedomPayClientOptions.Timeout), so the HttpClient itself never times out.
            // Replies are read with a cap by the transport; the buffer limit holds the same cap for anything buffered.
            return new HttpClient(handler, disposeHandler: true)
            {
                Timeout = System.Threading.Timeout.InfiniteTimeSpan,
                MaxResponseContentBufferSize = Math.Max(options.MaxReplyBytes, 1),
            };
        }
    }
}
