using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Security.Cryptography;
using System.Text.Json;
using System.Threading.Tasks;
using FreedomPay.Runtime;
using Microsoft.AspNetCore.Http;

namespace FreedomPay.Sandbox.Gateway
{
    /// <summary>
    /// The dispatcher's steps for a JSON area (the spec's <c>encoding: json</c>): the body read within the limits, the
    /// header signature checked (<see cref="HeaderAuth"/>) before the body is parsed, the JSON read into the same
    /// fields a form gives (nested values under <c>name[key]</c>, items under <c>name[0]</c>) so that the spec's field
    /// rules and the handlers serve both protocols alike, a generated request id kept as the docs describe (the same
    /// id and body answer the first reply again; the same id with another body is refused), and a JSON reply in the
    /// area's error shape.
    /// </summary>
    internal sealed class JsonGateway
    {
        private readonly RequestMemory _replies;

        public JsonGateway(RequestMemory replies) => _replies = replies;

        /// <summary>Serves one request; <paramref name="fault"/>, if any, drops the reply or cuts it in half after processing (JSON replies carry no signature to spoil).</summary>
        public async Task ServeAsync(HttpContext context, SandboxRoute route, IReadOnlyList<KeyValuePair<string, string>> parameters, FreedomPaySandbox sandbox, RequestLog log, SandboxFault? fault)
        {
            OperationDescriptor operation = route.Operation!.Descriptor;
            DateTimeOffset at = sandbox.Options.TimeProvider.GetUtcNow();
            byte[]? body = await ReadAsync(context.Request).ConfigureAwait(false);
            if (body is null)
            {
                await WriteAsync(context, SandboxReply.Error(SandboxErrorCodes.InvalidField, $"The request body is larger than {GatewayRequest.MaxBodyBytes} bytes."), route, at).ConfigureAwait(false);
                return;
            }

            var (merchant, merchantId, secret, problem) = HeaderAuth.Verify(route, context.Request, body, sandbox.Merchants);
            GatewayRequest empty = GatewayRequest.From(Array.Empty<KeyValuePair<string, string>>());
            if (merchant is not null && secret is not null && HeaderAuth.MissingServerHeader(operation, context.Request) is { } missing)
            {
                SandboxReply refused = SandboxReply.Error(SandboxErrorCodes.InvalidField, missing);
                log.Add(RequestLog.Describe(at, route, empty, merchantId, SignatureVerdict.Valid, refused));
                await WriteAsync(context, refused, route, at).ConfigureAwait(false);
                return;
            }

            if (merchant is null || secret is null)
            {
                SandboxReply refused = SandboxReply.Error(problem!.Value.Code, problem.Value.Text);
                log.Add(RequestLog.Describe(at, route, empty, merchantId, merchant is null ? SignatureVerdict.UnknownMerchant : SignatureVerdict.Invalid, refused));
                await WriteAsync(context, refused, route, at).ConfigureAwait(false);
                return;
            }

            // The header the spec fills with a request id (X-Request-Id in the Gateway API, Request-Id in the Card API),
            // or the body field (request_id in the Card and Partner APIs' bodies).
            string? requestIdHeader = operation.Headers.FirstOrDefault(h => h.Source == HeaderSource.RequestId)?.Name ?? operation.Fields.RequestIdField;
            string? requestId = requestIdHeader is null ? null
                : operation.Fields.RequestIdField == requestIdHeader ? BodyText(body, requestIdHeader)
                : context.Request.Headers[requestIdHeader].FirstOrDefault();
            byte[] bodyHash = SHA256.HashData(body);
            if (requestId is not null && _replies.TryGet(merchant.MerchantId, requestId, out RememberedReply earlier))
            {
                // The docs: the same request id gets the original reply. Another body under that id is not a repeat.
                bool repeat = earlier.BodyHash.AsSpan().SequenceEqual(bodyHash);
                string again = repeat
                    ? earlier.Json
                    : SandboxReply.Error(SandboxErrorCodes.InvalidField, $"{requestIdHeader} {requestId} was already used for another request.").RenderJson(route.Errors, null);
                // Logged as what it is: a repeat answered with the first reply (status "repeated"), or a refusal.
                log.Add(new SandboxRequest(at, route.DisplayName, route.Script, merchantId, SignatureVerdict.Valid, repeat ? "repeated" : "error",
                    repeat ? null : SandboxErrorCodes.InvalidField.ToString(System.Globalization.CultureInfo.InvariantCulture), Array.Empty<string>()));
                if (fault?.Kind == SandboxFaultKind.DropConnection)
                {
                    context.Abort(); // a repeat's reply can be lost too; the first reply stays remembered
                    return;
                }

                await WriteTextAsync(context, again, repeat ? earlier.Status : ErrorStatus(route), !repeat || earlier.Failed, at).ConfigureAwait(false);
                return;
            }

            SandboxReply reply;
            GatewayRequest request = empty;
            try
            {
                if (requestIdHeader is not null && string.IsNullOrEmpty(requestId))
                {
                    throw new GatewayError(SandboxErrorCodes.InvalidField, operation.Fields.RequestIdField == requestIdHeader ? $"Field {requestIdHeader} is required." : $"The {requestIdHeader} header is required.");
                }

                request = GatewayRequest.From(Fields(body));
                string? bodyMerchant = operation.MerchantIdField is { } field ? request.Optional(field) : null;
                if (bodyMerchant is not null && bodyMerchant != merchant.MerchantId)
                {
                    throw new GatewayError(SandboxErrorCodes.InvalidField, $"Field {operation.MerchantIdField} is not the merchant that signed the request.");
                }

                reply = await GatewayEndpoints.HandleAsync(route, GatewayEndpoints.WithPathParameters(request, parameters, merchant), merchant, sandbox).ConfigureAwait(false);
            }
            catch (GatewayError error)
            {
                reply = SandboxReply.Error(error.Code, error.Message);
            }

            log.Add(RequestLog.Describe(at, route, request, merchantId, SignatureVerdict.Valid, reply));
            string json = reply.RenderJson(route.Errors, operation.Reply);
            int status = reply.Failure is null ? StatusCodes.Status200OK : ErrorStatus(route);
            if (requestId is not null)
            {
                _replies.Remember(merchant.MerchantId, requestId, new RememberedReply(bodyHash, json, status, reply.Failure is not null));
            }

            if (fault?.Kind == SandboxFaultKind.DropConnection)
            {
                context.Abort(); // processed, but the reply never comes
                return;
            }

            await WriteTextAsync(context, fault?.Kind == SandboxFaultKind.MalformedReply ? json.Substring(0, json.Length / 2) : json, status, reply.Failure is not null, at).ConfigureAwait(false);
        }

        /// <summary>A top-level text value of the body (its request id), or null when the body is not JSON within the limits.</summary>
        private static string? BodyText(byte[] body, string name)
        {
            try
            {
                return GatewayRequest.From(Fields(body)).Optional(name);
            }
            catch (GatewayError)
            {
                return null; // the body's own problem is reported when it is read for the handler
            }
        }

        /// <summary>
        /// The JSON body as form-like fields, in document order: <c>a[b]</c> for nested values, <c>a[0][b]</c> for items,
        /// flags as 1/0, <c>null</c> left out. One forward pass of a reader, without recursion, within the form limits:
        /// every value (nulls, objects and arrays too) is counted before its name is built, at most
        /// <see cref="GatewayRequest.MaxFields"/>; property names of at most <see cref="MaxNameBytes"/> bytes (as the
        /// client's reader); depth 32. A string that is not valid UTF-8 (or escapes a lone surrogate) is refused.
        /// </summary>
        internal static List<KeyValuePair<string, string>> Fields(byte[] body)
        {
            var reader = new Utf8JsonReader(body, new JsonReaderOptions { MaxDepth = 32 });
            var fields = new List<KeyValuePair<string, string>>();
            var open = new Stack<Container>();
            string? property = null;
            int values = 0;
            try
            {
                while (reader.Read())
                {
                    JsonTokenType token = reader.TokenType;
                    if (token == JsonTokenType.PropertyName)
                    {
                        if (reader.ValueSpan.Length > MaxNameBytes)
                        {
                            throw new GatewayError(SandboxErrorCodes.InvalidField, $"The request body has a property name longer than {MaxNameBytes} bytes.");
                        }

                        property = reader.GetString();
                        continue;
                    }

                    if (token is JsonTokenType.EndObject or JsonTokenType.EndArray)
                    {
                        open.Pop();
                        continue;
                    }

                    if (++values > GatewayRequest.MaxFields)
                    {
                        throw new GatewayError(SandboxErrorCodes.InvalidField, $"The request has more than {GatewayRequest.MaxFields} values.");
                    }

                    if (open.Count == 0)
                    {
                        if (token != JsonTokenType.StartObject)
                        {
                            throw new GatewayError(SandboxErrorCodes.InvalidField, "The request body is not a JSON object.");
                        }

                        open.Push(new Container(null, isArray: false));
                        continue;
                    }

                    string name = open.Peek().NameOfNext(property);
                    switch (token)
                    {
                        case JsonTokenType.StartObject:
                        case JsonTokenType.StartArray:
                            open.Push(new Container(name, token == JsonTokenType.StartArray));
                            break;
                        case JsonTokenType.Null:
                            break;
                        case JsonTokenType.True:
                        case JsonTokenType.False:
                            fields.Add(new KeyValuePair<string, string>(name, token == JsonTokenType.True ? "1" : "0"));
                            break;
                        case JsonTokenType.String:
                            fields.Add(new KeyValuePair<string, string>(name, reader.GetString()!));
                            break;
                        default:
                            fields.Add(new KeyValuePair<string, string>(name, System.Text.Encoding.UTF8.GetString(reader.ValueSpan)));
                            break;
                    }
                }
            }
            catch (JsonException ex)
            {
                throw new GatewayError(SandboxErrorCodes.InvalidField, "The request body is not well-formed JSON (" + ex.Message + ").");
            }
            catch (InvalidOperationException)
            {
                // Utf8JsonReader.GetString: invalid UTF-8 in a string, or an escaped lone surrogate.
                throw new GatewayError(SandboxErrorCodes.InvalidField, "The request body has a string that is not valid UTF-8 text.");
            }

            if (values == 0)
            {
                throw new GatewayError(SandboxErrorCodes.InvalidField, "The request body is empty.");
            }

            return fields;
        }

        /// <summary>The longest property name read, in bytes (the client's reader has the same limit).</summary>
        internal const int MaxNameBytes = PgJsonReader.MaxNameBytes;

        /// <summary>An object or array being read: its form name and, for an array, the next item's index.</summary>
        private sealed class Container(string? name, bool isArray)
        {
            private int _next;

            public string NameOfNext(string? property) => isArray ? FormNames.Item(name!, _next++) : FormNames.Child(name, property!);
        }

        /// <summary>The whole body, or null when it is larger than the sandbox reads.</summary>
        internal static async Task<byte[]?> ReadAsync(HttpRequest request)
        {
            using var copy = new MemoryStream();
            byte[] buffer = new byte[16 * 1024];
            int read;
            while ((read = await request.Body.ReadAsync(buffer).ConfigureAwait(false)) > 0)
            {
                if (copy.Length + read > GatewayRequest.MaxBodyBytes)
                {
                    return null;
                }

                copy.Write(buffer, 0, read);
            }

            return copy.ToArray();
        }

        private static Task WriteAsync(HttpContext context, SandboxReply reply, SandboxRoute route, DateTimeOffset now) =>
            WriteTextAsync(context, reply.RenderJson(route.Errors, route.Operation?.Descriptor.Reply), reply.Failure is null ? StatusCodes.Status200OK : ErrorStatus(route), reply.Failure is not null, now);

        /// <summary>The HTTP status of a refusal: the first the area's error shape lists (the Gateway Async API's 422), else 200.</summary>
        private static int ErrorStatus(SandboxRoute route) => route.Errors?.HttpStatuses.FirstOrDefault() is int listed and > 0 ? listed : StatusCodes.Status200OK;

        private static Task WriteTextAsync(HttpContext context, string json, int status, bool failed, DateTimeOffset now)
        {
            context.Response.StatusCode = status;
            // The reply headers the Gateway API's docs list: the request id echoed, the time, the request's state.
            if (context.Request.Headers["X-Request-Id"].FirstOrDefault() is { } id)
            {
                context.Response.Headers["X-Request-Id"] = id;
            }

            context.Response.Headers["X-Datetime"] = now.ToOffset(TimeSpan.FromHours(5)).ToString("yyyy-MM-dd'T'HH:mm:sszzz", System.Globalization.CultureInfo.InvariantCulture);
            context.Response.Headers["X-Request-Status"] = failed ? "error" : "success";
            context.Response.ContentType = "application/json; charset=utf-8";
            return context.Response.WriteAsync(json);
        }
    }
}
