using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Security.Cryptography;
using System.Threading.Tasks;
using FreedomPay.Sandbox.Emulation;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace FreedomPay.Sandbox.Gateway
{
    /// <summary>
    /// The HTTP side: every API path goes through one dispatcher and the same steps: the route by path, fault
    /// injection, form reading, merchant lookup (unknown -> unsigned error 101), signature check, the spec's field
    /// rules, the handler (stateful or the default emulation), a signed reply.
    /// </summary>
    internal static class GatewayEndpoints
    {
        public static void Map(WebApplication app, RouteTable routes, SandboxFaults faults, FreedomPaySandbox sandbox, RequestLog log)
        {
            var json = new JsonGateway(sandbox.Replies);
            // The catch-all has the lowest precedence: the hosted pages and the dashboard keep their own routes.
            app.MapMethods("/{**path}", new[] { "GET", "POST" }, (HttpContext context) => ServeAsync(context, routes, faults, sandbox, log, json));
            app.MapGet("/", () => Results.Text("FreedomPay sandbox: " + string.Join(", ", routes.All.Select(r => "/" + r.Path)) + "; dashboard: /_sandbox\n"));
        }

        private static async Task ServeAsync(HttpContext context, RouteTable routes, SandboxFaults faults, FreedomPaySandbox sandbox, RequestLog log, JsonGateway json)
        {
            string path = context.Request.Path.Value?.TrimStart('/') ?? string.Empty;
            if (!routes.TryGet(path, out SandboxRoute? route, out IReadOnlyList<KeyValuePair<string, string>> parameters) || route is null)
            {
                context.Response.StatusCode = StatusCodes.Status404NotFound;
                await context.Response.WriteAsync("The sandbox serves no operation at this path; register its area (FreedomPaySandboxOptions.AddArea) or a handler (sandbox.Handle).\n").ConfigureAwait(false);
                return;
            }

            SandboxFault? fault = faults.Take(route.Path);
            switch (fault?.Kind)
            {
                case SandboxFaultKind.Latency:
                    await Task.Delay(fault.Delay, context.RequestAborted).ConfigureAwait(false);
                    break;
                case SandboxFaultKind.HttpError:
                    context.Response.StatusCode = StatusCodes.Status500InternalServerError;
                    await context.Response.WriteAsync("Internal Server Error (sandbox fault injection)").ConfigureAwait(false);
                    return;
                case SandboxFaultKind.DropConnection when !fault.AfterProcessing:
                    context.Abort();
                    return;
            }

            // A JSON area signed in a header has a gateway of its own; one signed with pg_sig in its body (auth: pg-sig)
            // is checked and answered as the forms are, in JSON.
            bool jsonBody = route.Operation?.Descriptor.Encoding == Runtime.RequestEncoding.Json;
            if (jsonBody && route.Operation!.Descriptor.Auth != Runtime.AuthScheme.PgSig)
            {
                await json.ServeAsync(context, route.Serving(context.Request.Headers), parameters, sandbox, log, fault).ConfigureAwait(false);
                return;
            }

            string contentType = jsonBody ? "application/json; charset=utf-8" : "application/xml; charset=utf-8";
            GatewayRequest request;
            try
            {
                request = jsonBody ? await ReadJsonAsync(context.Request).ConfigureAwait(false) : await GatewayRequest.ReadAsync(context.Request).ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is InvalidDataException or IOException or BadHttpRequestException or GatewayError)
            {
                // Without readable fields there is no merchant to sign for: unsigned, as for an unknown merchant.
                SandboxReply unreadable = SandboxReply.Error(SandboxErrorCodes.UnknownMerchant, $"The request body cannot be read as {(jsonBody ? "JSON" : "a form")} within the sandbox's limits ({(ex is GatewayError ? ex.Message : ex.GetType().Name)}).");
                context.Response.ContentType = contentType;
                await context.Response.WriteAsync(Render(unreadable, route, secret: null, NewSalt(), jsonBody)).ConfigureAwait(false);
                return;
            }

            route = route.Serving(request);
            (string text, string? location) = await ProcessAsync(route, request, parameters, sandbox, log, spoilSignature: fault?.Kind == SandboxFaultKind.WrongSignature, jsonBody).ConfigureAwait(false);
            if (location is not null && fault is null)
            {
                // A browser route (payment.php): the buyer goes on to the page; refusals stay signed XML, as for any call.
                context.Response.Redirect(location);
                return;
            }

            if (fault?.Kind == SandboxFaultKind.DropConnection)
            {
                context.Abort(); // processed, but the reply never comes
                return;
            }

            if (fault?.Kind == SandboxFaultKind.MalformedReply)
            {
                text = text.Substring(0, text.Length / 2);
            }

            context.Response.ContentType = contentType;
            await context.Response.WriteAsync(text).ConfigureAwait(false);
        }

        /// <summary>A pg_sig-signed JSON body's values, named as form fields are (bounded as every JSON body is).</summary>
        private static async Task<GatewayRequest> ReadJsonAsync(HttpRequest request)
        {
            byte[] body = await JsonGateway.ReadAsync(request).ConfigureAwait(false)
                ?? throw new GatewayError(SandboxErrorCodes.InvalidField, $"the body is larger than {GatewayRequest.MaxBodyBytes} bytes");
            return GatewayRequest.From(JsonGateway.Fields(body));
        }

        /// <summary>The reply as the route's area writes it: signed XML, or JSON signed with pg_sig.</summary>
        private static string Render(SandboxReply reply, SandboxRoute route, string? secret, string salt, bool json, bool spoilSignature = false) => json
            ? reply.RenderSignedJson(route.Script, route.Errors, route.Operation?.Descriptor.Reply, secret, salt, SaltField(route), SignatureField(route), spoilSignature)
            : reply.Render(route.Script, route.Errors, secret, salt, SaltField(route), SignatureField(route), spoilSignature);

        private static string NewSalt() => RandomNumberGenerator.GetString("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789", 16);

        private static string SaltField(SandboxRoute route) => route.Operation?.Descriptor.SaltField ?? PgSignature.SaltField;

        private static string SignatureField(SandboxRoute route) => route.Operation?.Descriptor.SignatureField ?? PgSignature.SignatureField;

        private static async Task<(string Text, string? Location)> ProcessAsync(SandboxRoute route, GatewayRequest request, IReadOnlyList<KeyValuePair<string, string>> parameters, FreedomPaySandbox sandbox, RequestLog log, bool spoilSignature, bool json = false)
        {
            DateTimeOffset at = sandbox.Options.TimeProvider.GetUtcNow();
            string salt = NewSalt();
            string merchantField = route.Operation?.Descriptor.MerchantIdField ?? "pg_merchant_id";
            string? merchantId = request.Optional(merchantField);
            SandboxMerchant? merchant = sandbox.Merchants.FirstOrDefault(m => m.MerchantId == merchantId);
            if (merchant is null)
            {
                // The real gateway cannot sign without knowing the merchant's secret: unsigned, code 101.
                SandboxReply unknown = SandboxReply.Error(SandboxErrorCodes.UnknownMerchant, merchantId is null ? $"Field {merchantField} is required." : $"Unknown merchant {merchantId}.");
                log.Add(RequestLog.Describe(at, route, request, merchantId, SignatureVerdict.UnknownMerchant, unknown));
                return (Render(unknown, route, secret: null, salt, json), null);
            }

            SandboxReply reply;
            SignatureVerdict verdict;
            string? signature = request.Optional(SignatureField(route));
            string?[] keys = route.SecretNames.Select(merchant.SecretFor).ToArray();
            string? secret = signature is null ? null : keys.FirstOrDefault(key => key is not null && PgSignature.Verify(route.Script, request.Fields, key, signature));
            if (keys.All(key => key is null))
            {
                // A key the merchant does not have (payouts not enabled): refused, signed with the main key.
                verdict = SignatureVerdict.Missing;
                reply = SandboxReply.Error(SandboxErrorCodes.PayoutsNotEnabled, $"{route.DisplayName} is not enabled for merchant {merchant.MerchantId}: it has no '{route.SecretNames[0]}' key.");
            }
            else if (request.Optional(SaltField(route)) is null)
            {
                verdict = SignatureVerdict.Missing;
                reply = SandboxReply.Error(SandboxErrorCodes.InvalidField, $"Field {SaltField(route)} is required.");
            }
            else if (signature is null || secret is null)
            {
                verdict = signature is null ? SignatureVerdict.Missing : SignatureVerdict.Invalid;
                reply = SandboxReply.Error(SandboxErrorCodes.InvalidSignature, $"Invalid signature: {SignatureField(route)} does not match the request signed for script '{route.Script}'.");
            }
            else
            {
                verdict = SignatureVerdict.Valid;
                try
                {
                    reply = await HandleAsync(route, WithPathParameters(request, parameters, merchant), merchant, sandbox).ConfigureAwait(false);
                }
                catch (GatewayError error)
                {
                    reply = SandboxReply.Error(error.Code, error.Message);
                }
            }

            log.Add(RequestLog.Describe(at, route, request, merchantId, verdict, reply));
            string replyKey = secret ?? keys.FirstOrDefault(key => key is not null) ?? merchant.SecretKey;
            return (Render(reply, route, replyKey, salt, json, spoilSignature), reply.Failure is null ? reply.RedirectTo : null);
        }

        /// <summary>
        /// The path's parameters after the signature check (they are not signed): the merchant id in the path must be
        /// the one that signed; field parameters join the fields, to be checked by the spec's rules like the others.
        /// </summary>
        internal static GatewayRequest WithPathParameters(GatewayRequest request, IReadOnlyList<KeyValuePair<string, string>> parameters, SandboxMerchant merchant)
        {
            var fields = new List<KeyValuePair<string, string>>();
            foreach (var (name, value) in parameters)
            {
                if (name == "merchant-id")
                {
                    if (value != merchant.MerchantId)
                    {
                        throw new GatewayError(SandboxErrorCodes.InvalidField, "The merchant id in the path is not the merchant that signed the request.");
                    }
                }
                else
                {
                    fields.Add(new KeyValuePair<string, string>(name, value));
                }
            }

            return fields.Count == 0 ? request : request.With(fields);
        }

        internal static async Task<SandboxReply> HandleAsync(SandboxRoute route, GatewayRequest request, SandboxMerchant merchant, FreedomPaySandbox sandbox)
        {
            if (route.CheckFields)
            {
                FieldRules.Check(route.Operation!.Fields, request, sandbox.Options.TimeProvider.GetUtcNow());
            }

            var call = new SandboxCall(route, request, merchant, sandbox);
            SandboxReply reply = route.Handler is { } handler
                ? await handler(call).ConfigureAwait(false) ?? throw new InvalidOperationException($"The sandbox handler of {route.DisplayName} returned no reply.")
                : call.DefaultReply();
            if (route.Operation is { } operation)
            {
                Emulation.ReplyDrift.Apply(reply, operation.Descriptor, sandbox.Options.Drift);
            }

            return reply;
        }
    }
}
