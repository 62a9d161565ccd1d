using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Text.RegularExpressions;
using System.Threading;
using System.Threading.Tasks;
using FreedomPay.Cli.Output;
using FreedomPay.MobileBalance;
using FreedomPay.Sandbox;

namespace FreedomPay.Cli.Commands
{
    /// <summary>
    /// `freedompay demo --hosted`: the path where the shop never calls pay or approve. init hands back the hosted
    /// page; the demo plays the buyer's browser on it (phone form, the SMS code, code form), follows the redirect
    /// back to the sandbox's stand-in shop, waits for the Result notify, and confirms with status.
    /// </summary>
    internal static class HostedDemo
    {
        public static async Task<int> RunAsync(string phone, decimal amount, TextWriter output, CancellationToken cancellationToken)
        {
            await using DemoRun run = await DemoRun.StartAsync("hosted page, paid by the buyer", output, cancellationToken).ConfigureAwait(false);
            FreedomPaySandbox sandbox = run.Sandbox;
            FreedomPayClient client = run.Client;
            HttpClient browser = run.Browser;

            InitResponse init = await client.MobileBalance.InitAsync(new InitRequest
            {
                OrderId = "demo-" + DateTime.UtcNow.ToString("HHmmss", CultureInfo.InvariantCulture),
                Amount = amount,
                Currency = "KZT",
                Description = "FreedomPay.Generated demo",
                Language = PageLanguage.English,
                SuccessUrl = sandbox.Shop.SuccessUrl.AbsoluteUri,
                FailureUrl = sandbox.Shop.FailureUrl.AbsoluteUri,
                ResultUrl = sandbox.Shop.ResultUrl.AbsoluteUri,
            }, cancellationToken).ConfigureAwait(false);
            long id = init.PaymentId;
            var page = new Uri(init.RedirectUrl ?? throw new InvalidOperationException("init returned no pg_redirect_url."));
            run.Step("init", $"pg_status=ok  payment {id}  pg_redirect_url {page}");

            string html = await GetAsync(browser, page, cancellationToken).ConfigureAwait(false);
            run.Step("buyer", $"GET the page: \"{Text(html, "h1")}\", {Text(html, "p class=\"amount\"")}");

            var (next, refusal) = await SubmitAsync(browser, page, FormAction(html, "phone-form"), ("phone", phone), cancellationToken).ConfigureAwait(false);
            if (next is not null && next.AbsolutePath == page.AbsolutePath)
            {
                // Still on the page: it sent an SMS code and asks for it.
                html = await GetAsync(browser, next, cancellationToken).ConfigureAwait(false);
                run.Step("buyer", $"POST phone {Redaction.Phone(phone)}: \"{Text(html, "p role=\"status\"")}\"");
                string code = sandbox.Sms.LastCodeFor(id) ?? string.Empty;
                run.Say($"     (sms)    the sandbox sent code {Redaction.Hidden}; the demo reads it from the sandbox inbox, as the buyer reads the SMS");
                (next, refusal) = await SubmitAsync(browser, page, FormAction(html, "code-form"), ("code", code), cancellationToken).ConfigureAwait(false);
                run.Step("buyer", next is null ? $"POST code: the page refused it: {refusal}" : $"POST code: redirected to the shop, {next}");
            }
            else
            {
                run.Step("buyer", next is null ? $"POST phone {Redaction.Phone(phone)}: the page refused it: {refusal}" : $"POST phone {Redaction.Phone(phone)}: the payment is final at once; redirected to the shop, {next}");
            }

            if (next is null)
            {
                run.Say($"Demo stopped: payment {id} was not paid.");
                return ExitCodes.Failure;
            }

            Uri shop = next;
            html = await GetAsync(browser, shop, cancellationToken).ConfigureAwait(false);
            run.Step("shop", $"\"{Text(html, "h1")}\"");

            ResultDelivery? delivery = await DemoBuyer.WaitForDeliveryAsync(sandbox, id, cancellationToken).ConfigureAwait(false);
            ResultAttempt? answer = delivery?.Attempts.LastOrDefault();
            run.Step("notify", delivery is null || answer is null
                ? "no Result notify was delivered within 10 s"
                : $"Result notify delivered to {delivery.Url.AbsolutePath} (pg_result={delivery.Fields.First(f => f.Key == "pg_result").Value}); the shop replied pg_status={answer.ReplyStatus}, signature {(answer.ReplySignatureValid == true ? "valid" : "NOT valid")}");

            StatusResponse status = await client.MobileBalance.StatusAsync(new StatusRequest { PaymentId = id }, cancellationToken).ConfigureAwait(false);
            run.Step("status", $"pg_payment_status={status.Raw.Root.GetString("pg_payment_status")}  {status.Amount?.ToString(CultureInfo.InvariantCulture)} {status.Currency}");

            bool paid = status.PaymentStatus == PaymentStatus.Success && delivery is not null;
            run.Say(paid
                ? $"Demo finished: payment {id} paid on the hosted page ({amount.ToString(CultureInfo.InvariantCulture)} KZT), the buyer is back at the shop and the shop was notified, {run.ElapsedMilliseconds} ms."
                : $"Demo finished: payment {id} is {status.Raw.Root.GetString("pg_payment_status")} ({status.FailureDescription ?? "no reason given"}), not paid.");
            return paid ? ExitCodes.Success : ExitCodes.Failure;
        }

        private static async Task<string> GetAsync(HttpClient browser, Uri url, CancellationToken cancellationToken)
        {
            using HttpResponseMessage response = await browser.GetAsync(url, cancellationToken).ConfigureAwait(false);
            string body = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
            return response.StatusCode == HttpStatusCode.OK ? body : throw new InvalidOperationException($"GET {url} answered HTTP {(int)response.StatusCode}.");
        }

        /// <summary>Posts a form as a browser would: where the page sends the buyer next, or why it refused.</summary>
        private static async Task<(Uri? Next, string? Refusal)> SubmitAsync(HttpClient browser, Uri page, string action, (string Name, string Value) field, CancellationToken cancellationToken)
        {
            using var form = new FormUrlEncodedContent(new[] { new KeyValuePair<string, string>(field.Name, field.Value) });
            using HttpResponseMessage response = await browser.PostAsync(new Uri(page, action), form, cancellationToken).ConfigureAwait(false);
            if (response.StatusCode == HttpStatusCode.Redirect && response.Headers.Location is { } location)
            {
                return (new Uri(page, location), null);
            }

            string body = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
            return (null, Text(body, "p id=\"" + field.Name + "-error\""));
        }

        private static string FormAction(string html, string formId) =>
            Regex.Match(html, $"<form id=\"{formId}\"[^>]* action=\"([^\"]+)\"") is { Success: true } match
                ? WebUtility.HtmlDecode(match.Groups[1].Value)
                : throw new InvalidOperationException($"The page has no form '{formId}'.");

        /// <summary>The text inside the first element that opens with <paramref name="openTag"/> (tags stripped).</summary>
        private static string Text(string html, string openTag)
        {
            int start = html.IndexOf("<" + openTag, StringComparison.Ordinal);
            if (start < 0)
            {
                return "?";
            }

            start = html.IndexOf('>', start) + 1;
            string name = openTag.Split(' ')[0];
            int end = html.IndexOf("</" + name + ">", start, StringComparison.Ordinal);
            return WebUtility.HtmlDecode(Regex.Replace(html.Substring(start, end - start), "<[^>]+>", string.Empty)).Replace('\u00A0', ' ').Trim();
        }
    }
}
