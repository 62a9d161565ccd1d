using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Diagnostics;
using System.Net.Http;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Polly;
using Polly.Retry;

namespace FreedomPay.Runtime
{
    /// <summary>
    /// Sends one operation: validate -> fields (merchant id, request, fresh salt) -> sign -> HTTP -> parse XML ->
    /// verify the signature -> check for a gateway error -> typed response. Operations the spec marks safe to
    /// repeat are retried on transient failures; all others are sent exactly once.
    /// </summary>
    public sealed class FreedomPayConnection
    {
        private readonly FreedomPayClientOptions _options;
        private readonly HttpTransport _transport;
        private readonly MessageLimits _replyLimits;
        private readonly ResiliencePipeline _retry;
        private readonly ILogger _logger;
        private readonly ConcurrentDictionary<OperationDescriptor, HeaderAuthState> _authStates = new ConcurrentDictionary<OperationDescriptor, HeaderAuthState>();

        internal FreedomPayConnection(HttpClient httpClient, FreedomPayClientOptions validatedOptions)
        {
            _options = validatedOptions;
            _transport = new HttpTransport(httpClient, validatedOptions.BaseAddress, validatedOptions.Timeout, validatedOptions.MaxReplyBytes);
            _replyLimits = new MessageLimits(validatedOptions.MaxReplyBytes, MessageLimits.DefaultMaxReplyElements);
            _logger = validatedOptions.LoggerFactory?.CreateLogger("FreedomPay.Client") ?? NullLogger.Instance;
            _retry = RetryPipeline.Create(validatedOptions.Retry, _logger);
        }

        /// <summary>The merchant id requests are sent for.</summary>
        public string MerchantId => _options.MerchantId;

        /// <summary>Sends an operation and returns its parsed reply (called by generated code).</summary>
        /// <exception cref="FreedomPayValidationException">The request breaks a rule of the spec; nothing was sent.</exception>
        /// <exception cref="FreedomPayGatewayException">The gateway answered with an error.</exception>
        /// <exception cref="FreedomPaySignatureException">The reply's signature is missing or wrong.</exception>
        /// <exception cref="FreedomPayProtocolException">The reply is not a well-formed gateway reply.</exception>
        /// <exception cref="FreedomPayNetworkException">The call could not be sent, or a safe call got no reply.</exception>
        /// <exception cref="FreedomPayOutcomeUnknownException">A call that moves money got no reply: check the status.</exception>
        /// <exception cref="InvalidOperationException">The operation is signed with a secret key the options do not hold; nothing was sent.</exception>
        /// <remarks>Part of the generated-code contract, hidden from IntelliSense: call the area client's typed methods.</remarks>
        [System.ComponentModel.EditorBrowsable(System.ComponentModel.EditorBrowsableState.Never)]
        public async Task<TResponse> SendAsync<TRequest, TResponse>(
            OperationDescriptor operation,
            TRequest request,
            Func<PgResponse, TResponse> parse,
            CancellationToken cancellationToken)
            where TRequest : FreedomPayRequest
        {
            if (operation is null)
            {
                throw new ArgumentNullException(nameof(operation));
            }

            if (request is null)
            {
                throw new ArgumentNullException(nameof(request), $"{operation.DisplayName} needs a request.");
            }

            if (parse is null)
            {
                throw new ArgumentNullException(nameof(parse));
            }

            cancellationToken.ThrowIfCancellationRequested();
            RequestValidation validation = RequestValidation.Of(request);
            validation.ThrowIfInvalid(operation.DisplayName);
            if (request.RequestId is { } requestId && !IsRequestIdText(requestId))
            {
                // It goes into a header: no line breaks or other text a header could be split on.
                throw new FreedomPayValidationException(operation.DisplayName, new[] { new FieldError("(request id)", "RequestId", "must be 1 to 64 letters, digits and '-' (a UUID)") });
            }

            string secret = _options.SecretFor(operation);

            string? paymentId = validation.PaymentId;
            using Activity? activity = Telemetry.Start(operation, paymentId);
            var clock = Stopwatch.StartNew();
            var call = new Call<TRequest>(this, operation, request, secret, activity);
            try
            {
                PgResponse reply = operation.Retryable
                    ? await RetriedAsync(call, operation, cancellationToken).ConfigureAwait(false)
                    : await call.AttemptAsync(cancellationToken).ConfigureAwait(false);
                TResponse response = parse(reply);
                SpecDrift.Check(operation, reply.Root, _logger);
                string? status = reply.Root.GetString(operation.Errors.StatusElement);
                paymentId = (operation.PaymentIdElement is { } idElement ? reply.Root.GetString(idElement) : null) ?? paymentId;
                Telemetry.Succeeded(activity, operation, status, paymentId, clock.Elapsed);
                Log.Succeeded(_logger, operation.DisplayName, status, paymentId, clock.ElapsedMilliseconds);
                if (!operation.IsKnownStatus(status))
                {
                    Log.UnknownStatus(_logger, operation.DisplayName, status is { Length: > 32 } ? status.Substring(0, 32) + "..." : status, paymentId);
                }

                return response;
            }
            catch (FreedomPayException ex)
            {
                ex.Operation ??= operation.DisplayName;
                if (ex is FreedomPayOutcomeUnknownException { RequestId: null } unknown && call.SendsRequestId)
                {
                    unknown.RequestId = call.RequestId; // what the request can be looked up by, even when it is not resent
                }

                Report(ex, activity, operation, paymentId, clock.Elapsed);
                throw;
            }
        }

        private static bool IsRequestIdText(string id)
        {
            if (id.Length is 0 or > 64)
            {
                return false;
            }

            foreach (char c in id)
            {
                if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-'))
                {
                    return false;
                }
            }

            return true;
        }

        /// <summary>
        /// A safe call, or one the gateway deduplicates by its request id, through the retry pipeline (every attempt
        /// under the same id). When the last attempt of a call that moves money fails without a trustworthy reply, the
        /// outcome is unknown, and the exception names the id a resend must carry to learn it.
        /// </summary>
        private async ValueTask<PgResponse> RetriedAsync<TRequest>(Call<TRequest> call, OperationDescriptor operation, CancellationToken cancellationToken)
            where TRequest : FreedomPayRequest
        {
            try
            {
                return await _retry.ExecuteAsync(static (call, token) => call.AttemptAsync(token), call, cancellationToken).ConfigureAwait(false);
            }
            catch (FreedomPayException ex) when (!operation.SafeToRetry && ex is FreedomPayNetworkException or FreedomPayProtocolException { HttpStatusCode: >= 500 or 429 or (>= 300 and < 400) })
            {
                throw new FreedomPayOutcomeUnknownException(
                    operation.DisplayName,
                    $"{operation.DisplayName} did not complete after {call.Attempts} attempts under request id {call.RequestId}: {ex.Message} The gateway may have acted on it. Send it again with RequestId = \"{call.RequestId}\": the gateway answers a repeated id with its first reply, so the payment is not made twice.",
                    ex)
                {
                    HttpStatusCode = (ex as FreedomPayProtocolException)?.HttpStatusCode,
                    RequestId = call.RequestId,
                };
            }
        }

        /// <summary>
        /// Builds the signed browser redirect of a redirect operation (generated code calls it): validated, with the
        /// merchant id, a fresh salt and the signature, against the client's server. Nothing is sent.
        /// </summary>
        /// <exception cref="FreedomPayValidationException">A value is missing or breaks a rule.</exception>
        /// <exception cref="InvalidOperationException">The operation is signed with a secret key the options do not hold.</exception>
        [System.ComponentModel.EditorBrowsable(System.ComponentModel.EditorBrowsableState.Never)]
        public FreedomPayRedirect CreateRedirect<TRequest>(OperationDescriptor operation, TRequest request)
            where TRequest : FreedomPayRequest
        {
            if (operation is null)
            {
                throw new ArgumentNullException(nameof(operation));
            }

            if (request is null)
            {
                throw new ArgumentNullException(nameof(request), $"{operation.DisplayName} needs a request.");
            }

            RequestValidation.Of(request).ThrowIfInvalid(operation.DisplayName);
            FormFieldList fields = BuildFields(operation, request, _options.SecretFor(operation), request.RequestId ?? RequestIds.New(operation.RequestIdVersion), out string path);
            Log.Redirect(_logger, operation.DisplayName);
            return FreedomPayRedirect.Create(operation.HttpMethod, _options.BaseAddress ?? operation.DefaultServer, path, fields);
        }

        private void Report(FreedomPayException exception, Activity? activity, OperationDescriptor operation, string? paymentId, TimeSpan elapsed)
        {
            switch (exception)
            {
                case FreedomPayGatewayException gateway:
                    Telemetry.Failed(activity, operation, "refused", gateway.ErrorCode ?? "unknown", elapsed);
                    Log.Refused(_logger, operation.DisplayName, paymentId, gateway.ErrorCode, gateway.ErrorDescription);
                    break;
                case FreedomPayOutcomeUnknownException unknown:
                    Telemetry.Failed(activity, operation, "outcome_unknown", "outcome_unknown", elapsed);
                    Log.OutcomeUnknown(_logger, operation.DisplayName, paymentId, unknown.InnerException?.GetType().Name ?? "HTTP " + unknown.HttpStatusCode);
                    break;
                default:
                    string kind = exception switch
                    {
                        FreedomPaySignatureException => "signature",
                        FreedomPayProtocolException => "protocol",
                        FreedomPayNetworkException => "network",
                        _ => "other",
                    };
                    Telemetry.Failed(activity, operation, kind, kind, elapsed);
                    Log.Failed(_logger, operation.DisplayName, kind, exception.Message);
                    break;
            }
        }

        /// <summary>
        /// One call: every attempt builds fresh fields (a new salt and signature) and sends them once. A JSON area's
        /// body is written once per call and signed in a header; a generated request id stays the same for every
        /// attempt of the call, so that the gateway can tell a retry of a safe call from a new one.
        /// </summary>
        private sealed class Call<TRequest>(FreedomPayConnection connection, OperationDescriptor operation, TRequest request, string secret, Activity? activity)
            where TRequest : FreedomPayRequest
        {
            private int _attempts;
            private string? _requestId = request.RequestId;

            // The server the call goes to may add headers of its own (the .uz Card API's Request-Id).
            private readonly IReadOnlyList<RequestHeader> _headers = operation.HeadersAt(connection._options.BaseAddress ?? operation.DefaultServer);

            /// <summary>Whether the call carries a request id (a header or body field the client fills, the operation's or its server's).</summary>
            public bool SendsRequestId { get; } = operation.HasRequestIdAt(connection._options.BaseAddress ?? operation.DefaultServer);

            public Activity? Activity { get; } = activity;

            /// <summary>How many attempts were sent.</summary>
            public int Attempts => _attempts;

            /// <summary>The request id every attempt carries (the caller's, or one made for the call), once the first is sent.</summary>
            public string? RequestId => _requestId;

            public string Operation => operation.DisplayName;

            public async ValueTask<PgResponse> AttemptAsync(CancellationToken cancellationToken)
            {
                Log.Sending(connection._logger, operation.DisplayName, ++_attempts);
                if (SendsRequestId)
                {
                    _requestId ??= RequestIds.New(operation.RequestIdVersion); // one id for the call: every attempt carries it
                }

                (BoundedBody Body, IReadOnlyList<KeyValuePair<string, string>>? Headers, bool ErrorStatus) body;
                if (operation.Encoding == RequestEncoding.Json)
                {
                    string merchantId = connection._options.MerchantId;
                    string path = operation.Template.Resolve(operation.DisplayName, operation.Fields, merchantId, static _ => string.Empty);
                    // auth: pg-sig: the body carries pg_salt and pg_sig, made over the values as form fields (a new salt each attempt).
                    FormFieldList? signed = operation.Auth == AuthScheme.PgSig ? connection.BuildFields(operation, request, secret, _requestId, out _) : null;
                    ArraySegment<byte> json = JsonBody.Write(operation, request, merchantId, _requestId, signed);
                    body = await connection._transport.SendAsync(operation, path, new OutgoingBody(json, Headers(path, json)), cancellationToken).ConfigureAwait(false);
                }
                else
                {
                    FormFieldList fields = connection.BuildFields(operation, request, secret, _requestId, out string path);
                    body = await connection._transport.SendAsync(operation, path, new OutgoingBody(fields, Headers(path, default)), cancellationToken).ConfigureAwait(false);
                }

                PgResponse reply = ReplyReader.Read(operation, body.Body.Buffer, body.Body.Length, connection._replyLimits, secret, connection._options.VerifyResponseSignatures, body.ErrorStatus);
                if (body.Headers is { } headers)
                {
                    reply.Headers = headers;
                }

                reply.RequestId = SendsRequestId ? _requestId : null; // a RequestId the operation does not send is not shown as sent
                return reply;
            }

            /// <summary>The spec's headers, then the area's signature header over the exact body (a JSON area's).</summary>
            private List<KeyValuePair<string, string>>? Headers(string path, ArraySegment<byte> json)
            {
                List<KeyValuePair<string, string>>? headers = null;
                foreach (RequestHeader header in _headers)
                {
                    string value = header.Source == HeaderSource.Constant ? header.Value! : _requestId!;
                    (headers ??= new List<KeyValuePair<string, string>>(4)).Add(new KeyValuePair<string, string>(header.Name, value));
                }

                if (json.Array is null || operation.Auth == AuthScheme.PgSig)
                {
                    return headers;
                }

                headers ??= new List<KeyValuePair<string, string>>(2);
                HeaderAuthState auth = connection.AuthStateFor(operation, path, secret);
                if (auth.Scheme == AuthScheme.Sha256Sign)
                {
                    headers.Add(new KeyValuePair<string, string>(HeaderSignature.AuthIdHeader, connection._options.MerchantId));
                    headers.Add(new KeyValuePair<string, string>(HeaderSignature.SignHeader, HeaderSignature.Sha256(json, auth.Key)));
                }
                else
                {
                    headers.Add(new KeyValuePair<string, string>(HeaderSignature.JwsHeader, HeaderSignature.Jws(auth.EncodedHeader!, json, auth.Hmac!)));
                }

                return headers;
            }
        }

        /// <summary>
        /// What a header signature reuses across calls of one operation: the key's bytes, the keyed HMAC and the JWS
        /// protected header (path, merchant id, method and algorithm do not change for a connection). Made once per
        /// operation (a race makes one twice and keeps one).
        /// </summary>
        private HeaderAuthState AuthStateFor(OperationDescriptor operation, string path, string secret)
        {
            if (_authStates.TryGetValue(operation, out HeaderAuthState? known))
            {
                return known;
            }

            byte[] key = Encoding.UTF8.GetBytes(secret);
            AuthScheme scheme = operation.AuthAt(_options.BaseAddress ?? operation.DefaultServer); // the server's own, where the spec gives one
            bool jws = scheme is AuthScheme.JwsHs256 or AuthScheme.JwsHs512;
            return _authStates.GetOrAdd(operation, new HeaderAuthState(
                scheme,
                key,
                jws ? HeaderSignature.EncodedHeader(scheme, operation.JwsHeader, _options.MerchantId, operation.HttpMethod.ToUpperInvariant(), "/" + path, string.Empty) : null,
                jws ? HeaderSignature.NewHmac(scheme, key) : null));
        }

        private sealed class HeaderAuthState(AuthScheme scheme, byte[] key, string? encodedHeader, System.Security.Cryptography.HMAC? hmac)
        {
            /// <summary>The scheme of the server the connection calls.</summary>
            public AuthScheme Scheme { get; } = scheme;

            public byte[] Key { get; } = key;

            public string? EncodedHeader { get; } = encodedHeader;

            /// <summary>The keyed HMAC of a JWS scheme, kept for the connection's life (used under its lock).</summary>
            public System.Security.Cryptography.HMAC? Hmac { get; } = hmac;
        }

        /// <summary>
        /// Merchant id and constants, the caller's values, a fresh salt, then the signature over all of them. Values of
        /// path parameters move from the fields into <paramref name="path"/> before anything is signed.
        /// </summary>
        private FormFieldList BuildFields<TRequest>(OperationDescriptor operation, TRequest request, string secret, string? requestId, out string path)
            where TRequest : FreedomPayRequest
        {
            RequestFieldTable table = operation.Fields;
            var fields = new FormFieldList();
            for (int i = 0; i < table.Count; i++)
            {
                RequestField field = table[i];
                if (field.Role == FieldRole.MerchantId)
                {
                    fields.Add(field.WireName, _options.MerchantId);
                }
                else if (field.Role == FieldRole.RequestId)
                {
                    fields.Add(field.WireName, requestId);
                }
                else if (field.Role == FieldRole.Constant)
                {
                    fields.Add(field.WireName, field.ConstantValue);
                }
            }

            var writer = new FieldWriter(table, fields);
            request.Visit(ref writer);
            path = operation.Template.Resolve(operation.DisplayName, table, _options.MerchantId, fields.Take);
            if (table.SaltField is not null)
            {
                fields.Add(table.SaltField, RandomText.Create(16));
            }

            if (table.SignatureField is not null)
            {
                fields.Add(table.SignatureField, SignatureString.Sign(operation.ScriptName, fields, table.SignatureField, secret));
            }

            return fields;
        }

        /// <summary>The Polly pipeline for safe operations: what is retried, how long to wait, what is logged.</summary>
        private static class RetryPipeline
        {
            public static ResiliencePipeline Create(FreedomPayRetryOptions options, ILogger logger)
            {
                if (options.MaxAttempts <= 1)
                {
                    return ResiliencePipeline.Empty;
                }

                return new ResiliencePipelineBuilder()
                    .AddRetry(new RetryStrategyOptions
                    {
                        MaxRetryAttempts = options.MaxAttempts - 1,
                        BackoffType = DelayBackoffType.Exponential,
                        UseJitter = true,
                        Delay = options.BaseDelay,
                        MaxDelay = options.MaxDelay,
                        ShouldHandle = new PredicateBuilder()
                            .Handle<FreedomPayNetworkException>()
                            .Handle<FreedomPayProtocolException>(ex => ex.HttpStatusCode is >= 500 or 429),
                        OnRetry = args =>
                        {
                            // The call's state is not in the context: the Activity is current, and the message names the operation.
                            Exception? failure = args.Outcome.Exception;
                            string operation = (failure as FreedomPayException)?.Operation ?? "(operation)";
                            string reason = failure?.GetType().Name ?? "failure";
                            Telemetry.Retrying(Activity.Current, args.AttemptNumber + 1, reason);
                            Log.Retrying(logger, operation, args.AttemptNumber + 1, reason, (long)args.RetryDelay.TotalMilliseconds);
                            return default;
                        },
                    })
                    .Build();
            }
        }
    }
}
