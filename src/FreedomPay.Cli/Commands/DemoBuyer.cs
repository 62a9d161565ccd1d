using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using FreedomPay.Sandbox;

namespace FreedomPay.Cli.Commands
{
    /// <summary>What the demos do in the buyer's place: a browser that shows each hop, the sandbox's test card typed into its forms.</summary>
    internal static class DemoBuyer
    {
        /// <summary>The sandbox's approving test card (the card the FreedomPay docs use in their examples).</summary>
        public const string TestCardNumber = "4405645000006150";

        /// <summary>A browser that follows nothing by itself, so that each hop is shown.</summary>
        public static HttpClient NewBrowser() => new HttpClient(new SocketsHttpHandler { AllowAutoRedirect = false }) { Timeout = TimeSpan.FromSeconds(30) };

        /// <summary>Posts the test card to a card form (the payment page's or the save-card page's); true when the page accepted it.</summary>
        public static async Task<bool> EnterCardAsync(HttpClient browser, Uri page, CancellationToken cancellationToken)
        {
            using var card = new FormUrlEncodedContent(new[]
            {
                new KeyValuePair<string, string>("pan", TestCardNumber),
                new KeyValuePair<string, string>("expiry", "12/" + ((DateTime.UtcNow.Year + 2) % 100).ToString("00", CultureInfo.InvariantCulture)),
                new KeyValuePair<string, string>("cvc", "123"),
            });
            using HttpResponseMessage answered = await browser.PostAsync(new Uri(page, page.AbsolutePath + "/card"), card, cancellationToken).ConfigureAwait(false);
            return answered.StatusCode == HttpStatusCode.Redirect;
        }

        /// <summary>The notification of <paramref name="id"/> once the shop answered it with HTTP 200, or null after 10 s.</summary>
        public static async Task<ResultDelivery?> WaitForDeliveryAsync(FreedomPaySandbox sandbox, long id, CancellationToken cancellationToken)
        {
            using var wait = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            wait.CancelAfter(TimeSpan.FromSeconds(10));
            try
            {
                return await sandbox.WhenResultDeliveredAsync(id, wait.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                return null;
            }
        }

        /// <summary>How the shop answered the last attempt of a delivery, for a demo line.</summary>
        public static string Answer(ResultDelivery delivery) =>
            delivery.Attempts.LastOrDefault() is { } last ? "HTTP " + last.HttpStatus?.ToString(CultureInfo.InvariantCulture) : "nothing";

        public static string Money(decimal value) => value.ToString("0.00", CultureInfo.InvariantCulture);

        /// <summary>
        /// The buyer on the issuer's 3-D Secure page: posts the shop's form there, types the sandbox's code, and returns
        /// the fields the page posts back to the shop's return address (MD, PaRes).
        /// </summary>
        public static async Task<IReadOnlyList<KeyValuePair<string, string>>> PassIssuerPageAsync(HttpClient browser, FreedomPayRedirect page, CancellationToken cancellationToken)
        {
            using var form = new FormUrlEncodedContent(page.Fields);
            using HttpResponseMessage shown = await browser.PostAsync(page.Url, form, cancellationToken).ConfigureAwait(false);
            var fields = HiddenFields(await shown.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false));
            fields.Add(new KeyValuePair<string, string>("code", TestCard.ChallengeCode));
            using var code = new FormUrlEncodedContent(fields);
            using HttpResponseMessage answered = await browser.PostAsync(new Uri(page.Url, page.Url.AbsolutePath + "/code"), code, cancellationToken).ConfigureAwait(false);
            return HiddenFields(await answered.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false));
        }

        /// <summary>The hidden inputs of a page's form, as a browser would post them.</summary>
        private static List<KeyValuePair<string, string>> HiddenFields(string html) =>
            System.Text.RegularExpressions.Regex.Matches(html, "<input type=\"hidden\" name=\"([^\"]+)\" value=\"([^\"]*)\">")
                .Select(m => new KeyValuePair<string, string>(m.Groups[1].Value, WebUtility.HtmlDecode(m.Groups[2].Value)))
                .ToList();
    }
}
