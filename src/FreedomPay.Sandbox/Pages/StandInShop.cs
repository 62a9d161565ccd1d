using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using FreedomPay.Sandbox.Gateway;
using static FreedomPay.Sandbox.Pages.Html;

namespace FreedomPay.Sandbox
{
    /// <summary>
    /// A stand-in for the merchant's site, for trying the hosted page before a shop exists (and for
    /// <c>freedompay demo --hosted</c>): pages the buyer returns to, and a Result notify endpoint that checks the
    /// signature and answers a signed <c>ok</c> for whichever sandbox merchant signed it, and a notification endpoint
    /// (Payout notify, card saved) that answers plain HTTP 200 when any key of a sandbox merchant signed it.
    /// </summary>
    public sealed class SandboxShop
    {
        internal SandboxShop(Uri baseAddress)
        {
            SuccessUrl = new Uri(baseAddress, "_sandbox/shop/return/success");
            FailureUrl = new Uri(baseAddress, "_sandbox/shop/return/failure");
            ResultUrl = new Uri(baseAddress, "_sandbox/shop/result");
            NotifyUrl = new Uri(baseAddress, "_sandbox/shop/notify");
        }

        /// <summary>Use as pg_success_url.</summary>
        public Uri SuccessUrl { get; }

        /// <summary>Use as pg_failure_url.</summary>
        public Uri FailureUrl { get; }

        /// <summary>Use as pg_result_url.</summary>
        public Uri ResultUrl { get; }

        /// <summary>Use as pg_post_link of a payout or a card to save: answers HTTP 200 to a validly signed post, 400 otherwise.</summary>
        public Uri NotifyUrl { get; }
    }
}

namespace FreedomPay.Sandbox.Pages
{
    /// <summary>The routes behind <see cref="SandboxShop"/>.</summary>
    internal static class StandInShop
    {
        public static void Map(WebApplication app, IReadOnlyList<SandboxMerchant> merchants)
        {
            app.MapMethods("/_sandbox/shop/return/{outcome}", new[] { "GET", "POST" }, async (string outcome, HttpRequest request) =>
            {
                IReadOnlyList<KeyValuePair<string, string>> fields = await FieldsAsync(request).ConfigureAwait(false);
                string rows = string.Concat(fields.Select(f => $"<tr><th scope=\"row\">{E(f.Key)}</th><td>{E(f.Value)}</td></tr>"));
                string title = outcome == "success" ? "Back at the shop: paid" : "Back at the shop: not paid";
                return Respond(Document("en", title, $"""
                    <div class="card"><h1>{E(title)}</h1>
                    <p>The sandbox's stand-in shop received the buyer ({E(request.Method)}) with:</p>
                    <div class="table"><table><tbody>{rows}</tbody></table></div>
                    <p><a href="/_sandbox">Sandbox dashboard</a></p></div>
                    """));
            });
            app.MapPost("/_sandbox/shop/result", async (HttpRequest request) =>
            {
                IReadOnlyList<KeyValuePair<string, string>> fields = await FieldsAsync(request).ConfigureAwait(false);
                string? signature = fields.FirstOrDefault(f => f.Key == PgSignature.SignatureField).Value;
                SandboxMerchant? signer = merchants.FirstOrDefault(m => PgSignature.Verify("result", fields, m.SecretKey, signature));
                return signer is null
                    ? Results.BadRequest("The Result notify is not signed by any sandbox merchant.")
                    : Results.Content(CallbackReply.Ok().ToXml("result", signer.SecretKey), "application/xml; charset=utf-8");
            });
            app.MapPost("/_sandbox/shop/notify", async (HttpRequest request) =>
            {
                IReadOnlyList<KeyValuePair<string, string>> fields = await FieldsAsync(request).ConfigureAwait(false);
                string? signature = fields.FirstOrDefault(f => f.Key == PgSignature.SignatureField).Value;
                bool signed = merchants.SelectMany(m => m.SecretKeys.Values.Prepend(m.SecretKey)).Any(key => PgSignature.Verify("notify", fields, key, signature));
                return signed ? Results.Ok() : Results.BadRequest("The notification is not signed by any key of a sandbox merchant.");
            });
        }

        // The same reading as the gateway's: form body or query string.
        private static async Task<IReadOnlyList<KeyValuePair<string, string>>> FieldsAsync(HttpRequest request) =>
            (await GatewayRequest.ReadAsync(request).ConfigureAwait(false)).Fields;
    }
}
