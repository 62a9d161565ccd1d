using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Security.Cryptography;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace FreedomPay.Sandbox.Gateway
{
    /// <summary>
    /// The HTTP side: one route per operation, and the steps every request goes through: fault injection, form
    /// reading, merchant lookup (unknown -> unsigned error 101), signature check, the operation, a signed reply.
    /// </summary>
    internal static class GatewayEndpoints
    {
        private static readonly (string Path, SandboxOperation Operation)[] Routes =
        {
            ("/init_payment.php", SandboxOperation.Init),
            ("/mfs/pay", SandboxOperation.Pay),
            ("/mfs/approve", SandboxOperation.Approve),
            ("/mfs/resend_code", SandboxOperation.ResendCode),
            ("/get_status3.php", SandboxOperation.Status),
            ("/get_status2.php", SandboxOperation.StatusByOrder),
        };

        public static void Map(WebApplication app, SandboxGateway gateway, SandboxFaults faults, IReadOnlyList<SandboxMerchant> merchants, RequestLog log)
        {
            foreach (var (path, operation) in Routes)
            {
                app.MapMethods(path, new[] { "GET", "POST" }, (HttpContext context) => ServeAsync(context, operation, gateway, faults, merchants, log));
            }

            app.MapGet("/", () => Results.Text("FreedomPay sandbox: " + string.Join(", ", Routes.Select(r => "POST " + r.Path)) + "; dashboard: /_sandbox\n"));
        }

        private static async Task ServeAsync(HttpContext context, SandboxOperation operation, SandboxGateway gateway, SandboxFaults faults, IReadOnlyList<SandboxMerchant> merchants, RequestLog log)
        {
            SandboxFault? fault = faults.Take(operation);
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

            GatewayRequest request;
            try
            {
                request = await GatewayRequest.ReadAsync(context.Request).ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is InvalidDataException or IOException or BadHttpRequestException)
            {
                // Without readable fields there is no merchant to sign for: unsigned, as for an unknown merchant.
                context.Response.ContentType = "application/xml; charset=utf-8";
                await context.Response.WriteAsync(GatewayReply.Error(SandboxErrorCodes.UnknownMerchant, "The request body cannot be read as a form within the sandbox's limits (" + ex.GetType().Name + ").")
                    .Render(GatewayRequest.ScriptOf(context.Request), secret: null, NewSalt())).ConfigureAwait(false);
                return;
            }

            string xml = await ProcessAsync(operation, request, gateway, merchants, log, spoilSignature: fault?.Kind == SandboxFaultKind.WrongSignature).ConfigureAwait(false);

            if (fault?.Kind == SandboxFaultKind.DropConnection)
            {
                context.Abort(); // processed, but the reply never comes
                return;
            }

            if (fault?.Kind == SandboxFaultKind.MalformedReply)
            {
                xml = xml.Substring(0, xml.Length / 2);
            }

            context.Response.ContentType = "application/xml; charset=utf-8";
            await context.Response.WriteAsync(xml).ConfigureAwait(false);
        }

        private static string NewSalt() => RandomNumberGenerator.GetString("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789", 16);

        private static async Task<string> ProcessAsync(SandboxOperation operation, GatewayRequest request, SandboxGateway gateway, IReadOnlyList<SandboxMerchant> merchants, RequestLog log, bool spoilSignature)
        {
            DateTimeOffset at = gateway.Now;
            string salt = NewSalt();
            string? merchantId = request.Optional("pg_merchant_id");
            SandboxMerchant? merchant = merchants.FirstOrDefault(m => m.MerchantId == merchantId);
            if (merchant is null)
            {
                // The real gateway cannot sign without knowing the merchant's secret: unsigned, code 101.
                GatewayReply unknown = GatewayReply.Error(SandboxErrorCodes.UnknownMerchant, merchantId is null ? "Field pg_merchant_id is required." : $"Unknown merchant {merchantId}.");
                log.Add(RequestLog.Describe(at, request, SignatureVerdict.UnknownMerchant, unknown));
                return unknown.Render(request.Script, secret: null, salt);
            }

            GatewayReply reply;
            SignatureVerdict verdict;
            string? signature = request.Optional(PgSignature.SignatureField);
            if (request.Optional("pg_salt") is null)
            {
                verdict = SignatureVerdict.Missing;
                reply = GatewayReply.Error(SandboxErrorCodes.InvalidField, "Field pg_salt is required.");
            }
            else if (signature is null || !PgSignature.Verify(request.Script, request.Fields, merchant.SecretKey, signature))
            {
                verdict = signature is null ? SignatureVerdict.Missing : SignatureVerdict.Invalid;
                reply = GatewayReply.Error(SandboxErrorCodes.InvalidSignature, $"Invalid signature: pg_sig does not match the request signed for script '{request.Script}'.");
            }
            else
            {
                verdict = SignatureVerdict.Valid;
                try
                {
                    reply = await gateway.HandleAsync(operation, request, merchant).ConfigureAwait(false);
                }
                catch (GatewayError error)
                {
                    reply = GatewayReply.Error(error.Code, error.Message);
                }
            }

            log.Add(RequestLog.Describe(at, request, verdict, reply));
            return reply.Render(request.Script, merchant.SecretKey, salt, spoilSignature);
        }
    }
}
