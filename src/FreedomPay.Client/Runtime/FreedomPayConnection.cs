using System;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;

namespace FreedomPay.Runtime
{
    /// <summary>
    /// Sends one operation: validate -> fields (merchant id, request, salt) -> sign -> encode -> HTTP -> parse XML
    /// -> verify the signature -> check for a gateway error -> typed response. It never sends a request twice.
    /// </summary>
    public sealed class FreedomPayConnection
    {
        private readonly HttpClient _httpClient;
        private readonly FreedomPayClientOptions _options;

        internal FreedomPayConnection(HttpClient httpClient, FreedomPayClientOptions validatedOptions)
        {
            _httpClient = httpClient;
            _options = validatedOptions;
        }

        /// <summary>The merchant id requests are sent for.</summary>
        public string MerchantId => _options.MerchantId;

        /// <summary>Sends an operation and returns its parsed reply (called by generated code).</summary>
        /// <exception cref="FreedomPayValidationException">The request breaks a rule of the spec; nothing was sent.</exception>
        /// <exception cref="FreedomPayGatewayException">The gateway answered with an error.</exception>
        /// <exception cref="FreedomPaySignatureException">The reply's signature is missing or wrong.</exception>
        /// <exception cref="FreedomPayProtocolException">The reply is not a well-formed gateway reply.</exception>
        /// <exception cref="FreedomPayNetworkException">The call did not complete.</exception>
        public async Task<TResponse> SendAsync<TRequest, TResponse>(
            OperationDescriptor operation,
            TRequest request,
            Func<PgResponse, TResponse> parse,
            CancellationToken cancellationToken)
            where TRequest : IFreedomPayRequest
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
            var validation = default(RequestValidation);
            request.Validate(ref validation);
            validation.ThrowIfInvalid(operation.DisplayName);

            FormFieldList fields = BuildFields(operation, request);
            byte[] body = await SendOnceAsync(operation, fields, cancellationToken).ConfigureAwait(false);
            PgResponse reply = ReadReply(operation, body);
            try
            {
                return parse(reply);
            }
            catch (FreedomPayProtocolException ex)
            {
                ex.Operation = operation.DisplayName;
                throw;
            }
        }

        private FormFieldList BuildFields(OperationDescriptor operation, IFreedomPayRequest request)
        {
            var fields = new FormFieldList();
            if (operation.MerchantIdField is not null)
            {
                fields.Add(operation.MerchantIdField, _options.MerchantId);
            }

            request.WriteFields(fields);
            if (operation.SaltField is not null)
            {
                fields.Add(operation.SaltField, RandomText.Create(16));
            }

            if (operation.SignatureField is not null)
            {
                fields.Add(operation.SignatureField, SignatureString.Sign(operation.ScriptName, fields, operation.SignatureField, _options.SecretKey));
            }

            return fields;
        }

        private async Task<byte[]> SendOnceAsync(OperationDescriptor operation, FormFieldList fields, CancellationToken cancellationToken)
        {
            Uri baseAddress = _options.BaseAddress ?? operation.DefaultServer;
            using HttpRequestMessage message = CreateMessage(operation, baseAddress, fields);
            HttpResponseMessage response;
            try
            {
                response = await _httpClient.SendAsync(message, HttpCompletionOption.ResponseContentRead, cancellationToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                throw;
            }
            catch (OperationCanceledException ex)
            {
                throw NetworkError(operation, "no reply came in time", ex);
            }
            catch (HttpRequestException ex)
            {
                throw NetworkError(operation, "the connection failed (" + ex.Message + ")", ex);
            }

            using (response)
            {
#if NET8_0_OR_GREATER
                byte[] body = await response.Content.ReadAsByteArrayAsync(cancellationToken).ConfigureAwait(false);
#else
                byte[] body = await response.Content.ReadAsByteArrayAsync().ConfigureAwait(false);
#endif
                if (!response.IsSuccessStatusCode)
                {
                    string retry = operation.SafeToRetry ? "It is safe to call again." : "Check the payment's status before sending it again.";
                    throw new FreedomPayProtocolException($"The gateway answered {operation.DisplayName} with HTTP {(int)response.StatusCode} {response.ReasonPhrase}. {retry}")
                    {
                        Operation = operation.DisplayName,
                        HttpStatusCode = (int)response.StatusCode,
                    };
                }

                return body;
            }
        }

        private static HttpRequestMessage CreateMessage(OperationDescriptor operation, Uri baseAddress, FormFieldList fields)
        {
            if (string.Equals(operation.HttpMethod, "GET", StringComparison.OrdinalIgnoreCase))
            {
                return new HttpRequestMessage(HttpMethod.Get, new Uri(baseAddress, operation.Path + "?" + FormBody.UrlEncodedText(fields)));
            }

            return new HttpRequestMessage(HttpMethod.Post, new Uri(baseAddress, operation.Path))
            {
                Content = FormBody.Create(fields, operation.Encoding),
            };
        }

        private PgResponse ReadReply(OperationDescriptor operation, byte[] body)
        {
            PgResponse reply;
            try
            {
                reply = PgXmlReader.Read(body);
            }
            catch (FreedomPayProtocolException ex)
            {
                ex.Operation = operation.DisplayName;
                throw;
            }

            PgElement root = reply.Root;
            ResponseErrorShape errors = operation.Errors;
            string signatureElement = operation.SignatureField ?? PgSignature.SignatureField;
            string? signature = root.GetString(signatureElement);
            if (signature is null)
            {
                // Unsigned: the gateway could not identify the merchant (code 101), or the reply is not trustworthy.
                if (root.Find(errors.CodeElement) is not null)
                {
                    throw new FreedomPayGatewayException(operation.DisplayName, root.GetString(errors.CodeElement), root.GetString(errors.DescriptionElement), reply.Xml, signed: false);
                }

                if (operation.SignedResponse && _options.VerifyResponseSignatures)
                {
                    throw new FreedomPaySignatureException(operation.DisplayName, $"The reply to {operation.DisplayName} carries no <{signatureElement}> signature, so it cannot be trusted.", reply.Xml);
                }
            }
            else if (operation.SignedResponse && _options.VerifyResponseSignatures)
            {
                string expected = SignatureString.Sign(operation.ScriptName, root, signatureElement, _options.SecretKey);
                if (!PgSignature.FixedTimeEquals(expected, signature))
                {
                    throw new FreedomPaySignatureException(
                        operation.DisplayName,
                        $"The signature of the reply to {operation.DisplayName} does not match (script '{operation.ScriptName}'). Check that the secret key is the one set for merchant {_options.MerchantId}; otherwise the reply was altered on the way.",
                        reply.Xml);
                }
            }

            if (string.Equals(root.GetString(errors.StatusElement), errors.ErrorValue, StringComparison.Ordinal))
            {
                throw new FreedomPayGatewayException(operation.DisplayName, root.GetString(errors.CodeElement), root.GetString(errors.DescriptionElement), reply.Xml, signed: signature is not null);
            }

            return reply;
        }

        private static FreedomPayNetworkException NetworkError(OperationDescriptor operation, string what, Exception inner)
        {
            string next = operation.SafeToRetry
                ? "It is safe to call again."
                : "The gateway may have received it: check the payment's status before sending it again.";
            return new FreedomPayNetworkException(operation.DisplayName, $"{operation.DisplayName} did not complete: {what}. {next}", outcomeUnknown: !operation.SafeToRetry, inner);
        }
    }
}
