using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using static FreedomPay.Sandbox.Pages.Html;

namespace FreedomPay.Sandbox.Pages
{
    /// <summary>
    /// <c>/_sandbox</c>: what happened, for a person integrating. Payments with their history, the SMS inbox,
    /// Result notify deliveries with attempts and the merchant's replies, and the latest API requests with their
    /// signature verdicts. Secrets are never shown; request field values are not kept at all.
    /// </summary>
    internal static class DashboardPage
    {
        public const string Path = "/_sandbox";

        public static void Map(WebApplication app, FreedomPaySandbox sandbox) =>
            app.MapGet(Path, (HttpRequest request) => Respond(Render(sandbox, new DashboardPager(request.Query))));

        private static string Render(FreedomPaySandbox sandbox, DashboardPager pager)
        {
            var body = new StringBuilder();
            body.Append($"""
                <h1>FreedomPay sandbox</h1>
                <p class="muted">Test mode on <code>{E(sandbox.BaseAddress.ToString())}</code>. Times are UTC. <a href="{Path}">Refresh</a></p>
                """);
            Setup(body, sandbox);
            Payments(body, pager.Page("payments", sandbox.Payments.OrderByDescending(p => p.Id).ToArray()));
            Payouts(body, pager.Page("payouts", sandbox.Payouts.Reverse().ToArray()));
            Invoices(body, pager.Page("invoices", sandbox.Invoices.Reverse().ToArray()));
            Sms(body, pager.Page("sms", sandbox.Sms.All.Reverse().ToArray()));
            Deliveries(body, pager.Page("deliveries", sandbox.ResultDeliveries.Reverse().ToArray()));
            Requests(body, pager.Page("requests", sandbox.Requests.Reverse().ToArray()));
            return Document("en", "FreedomPay sandbox dashboard", body.ToString(), wide: true);
        }

        private static void Setup(StringBuilder body, FreedomPaySandbox sandbox)
        {
            string merchants = string.Join(", ", sandbox.Merchants.Select(m => m.MerchantId));
            string phones = string.Concat(sandbox.Options.Phones.Select(p =>
                $"<tr><td>{E(p.Phone)}</td><td>{E(p.Operator)}</td><td>{E(Behaviour(p))}</td></tr>"));
            body.Append($"""
                <section class="card" aria-labelledby="setup"><h2 id="setup">Set-up</h2>
                <p>Merchants: {E(merchants)} (secret keys are not shown).</p>
                <div class="table"><table><caption class="muted">Test phones</caption><thead><tr><th scope="col">Phone</th><th scope="col">Operator</th><th scope="col">Behaviour</th></tr></thead><tbody>{phones}</tbody></table></div>
                </section>
                """);
        }

        private static void Payments(StringBuilder body, (IReadOnlyList<SandboxPayment> Rows, string Navigation) page)
        {
            var (payments, navigation) = page;
            var rows = new StringBuilder();
            foreach (SandboxPayment p in payments)
            {
                string history = string.Concat(p.History.Select(h => $"<li>{Time(h.At)} <strong>{E(h.Status.ToWire())}</strong>: {E(h.What)}</li>"));
                rows.Append($"""
                    <tr id="payment-{p.Id}"><td class="num">{p.Id}</td><td>{E(p.MerchantId)}</td><td>{E(p.OrderId ?? "")}</td><td>{E(p.Description)}</td>
                    <td class="num">{E(p.Amount.ToString("0.00", CultureInfo.InvariantCulture))} {E(p.Currency)}</td><td><strong>{E(p.Status.ToWire())}</strong></td><td>{E(p.Phone ?? "")}</td>
                    <td><a href="/{E(p.HostedPagePath)}" aria-label="Open the hosted page of payment {p.Id}">Open</a></td>
                    <td><details><summary>{p.History.Count} events</summary><ol>{history}</ol></details></td></tr>
                    """);
            }

            body.Append(Section("payments", "Payments", payments.Count == 0 ? "No payments yet: call init." : $"""
                <div class="table"><table><thead><tr><th scope="col">Id</th><th scope="col">Merchant</th><th scope="col">Order</th><th scope="col">Description</th><th scope="col">Amount</th><th scope="col">Status</th><th scope="col">Phone</th><th scope="col">Hosted page</th><th scope="col">History</th></tr></thead>
                <tbody>{rows}</tbody></table></div>{navigation}
                """));
        }

        private static void Payouts(StringBuilder body, (IReadOnlyList<SandboxPayout> Rows, string Navigation) page)
        {
            var (payouts, navigation) = page;
            string rows = string.Concat(payouts.Select(p => $"""
                <tr id="payout-{p.Id}"><td class="num">{p.Id}</td><td>{E(p.MerchantId)}</td><td>{E(p.OrderId)}</td>
                <td class="num">{E(p.Amount.ToString("0.00", CultureInfo.InvariantCulture))}</td><td>{(p.Target is null && p.PagePath is not null ? $"<a href=\"/{E(p.PagePath)}\" aria-label=\"waiting on its page: open the payout page of payout {p.Id}\">waiting on its page</a>" : E(p.Target ?? ""))}</td>
                <td><strong>{E(p.Status)}</strong></td><td>{Time(p.CreatedAt)}{(p.FinishedAt is { } at ? " - " + Time(at) : "")}</td></tr>
                """));
            body.Append(Section("payouts", "Payouts", payouts.Count == 0 ? "No payouts yet (the Payouts area, signed with the payout key)." : $"""
                <div class="table"><table><thead><tr><th scope="col">Id</th><th scope="col">Merchant</th><th scope="col">Order</th><th scope="col">Amount</th><th scope="col">To</th><th scope="col">Status</th><th scope="col">Accepted - made</th></tr></thead><tbody>{rows}</tbody></table></div>{navigation}
                """));
        }

        private static void Invoices(StringBuilder body, (IReadOnlyList<SandboxInvoice> Rows, string Navigation) page)
        {
            var (invoices, navigation) = page;
            string rows = string.Concat(invoices.Select(i => $"""
                <tr><td><code>{E(i.Id)}</code></td><td>{E(i.MerchantId)}</td><td>{E(i.OrderId)}</td><td>{E(i.Description)}</td>
                <td class="num">{E(i.Amount.ToString("0.00", CultureInfo.InvariantCulture))} {E(i.Currency)}</td><td><strong>{E(i.Status)}</strong></td>
                <td><a href="/{E(i.PagePath)}" aria-label="Open the page of invoice {E(i.Id)}">Open</a></td></tr>
                """));
            body.Append(Section("invoices", "Invoices", invoices.Count == 0 ? "No invoices yet (the Invoice area: JSON, signed with a detached JWS)." : $"""
                <div class="table"><table><thead><tr><th scope="col">Id</th><th scope="col">Merchant</th><th scope="col">Order</th><th scope="col">Description</th><th scope="col">Amount</th><th scope="col">Status</th><th scope="col">Page (where its QR code leads)</th></tr></thead><tbody>{rows}</tbody></table></div>{navigation}
                """));
        }

        private static void Sms(StringBuilder body, (IReadOnlyList<SentSms> Rows, string Navigation) page)
        {
            var (messages, navigation) = page;
            string rows = string.Concat(messages.Select(m =>
                $"""<tr><td>{Time(m.SentAt)}</td><td>{E(m.Phone)}</td><td class="num">{m.PaymentId}</td><td><code>{E(m.Code)}</code></td></tr>"""));
            body.Append(Section("sms", "SMS inbox", messages.Count == 0 ? "No codes sent yet." : $"""
                <div class="table"><table><thead><tr><th scope="col">Sent</th><th scope="col">Phone</th><th scope="col">Payment</th><th scope="col">Code</th></tr></thead><tbody>{rows}</tbody></table></div>{navigation}
                """));
        }

        private static void Deliveries(StringBuilder body, (IReadOnlyList<ResultDelivery> Rows, string Navigation) page)
        {
            var (deliveries, navigation) = page;
            var rows = new StringBuilder();
            foreach (ResultDelivery d in deliveries)
            {
                string attempts = string.Concat(d.Attempts.Select(a => $"<li>{Time(a.At)}: {E(Attempt(a))}</li>"));
                rows.Append($"""
                    <tr id="delivery-{d.PaymentId}"><td class="num">{d.PaymentId}</td><td><code>{E(d.Url.ToString())}</code></td>
                    <td>{(d.Delivered ? "<strong class=\"ok\">delivered</strong>" : "<strong class=\"error\">not delivered</strong>")}</td>
                    <td><ol>{attempts}</ol></td></tr>
                    """);
            }

            body.Append(Section("deliveries", "Result notify", deliveries.Count == 0 ? "No Result notify sent yet (payments with a pg_result_url send one when they finish)." : $"""
                <div class="table"><table><thead><tr><th scope="col">Payment</th><th scope="col">URL</th><th scope="col">State</th><th scope="col">Attempts and merchant replies</th></tr></thead><tbody>{rows}</tbody></table></div>{navigation}
                """));
        }

        private static void Requests(StringBuilder body, (IReadOnlyList<SandboxRequest> Rows, string Navigation) page)
        {
            var (requests, navigation) = page;
            string rows = string.Concat(requests.Select(r => $"""
                <tr><td>{Time(r.At)}</td><td>{E(r.Operation)} <code>{E(r.Script)}</code></td><td>{E(r.MerchantId ?? "")}</td><td>{E(Verdict(r.Signature))}</td>
                <td>{E(r.Status)}{(r.ErrorCode is null ? "" : " " + E(r.ErrorCode))}</td><td class="muted">{E(string.Join(", ", r.Fields))}</td></tr>
                """));
            body.Append(Section("requests", "Latest API requests", requests.Count == 0 ? "No requests yet." : $"""
                <div class="table"><table><thead><tr><th scope="col">Time</th><th scope="col">Operation</th><th scope="col">Merchant</th><th scope="col">Signature</th><th scope="col">Reply</th><th scope="col">Fields sent</th></tr></thead><tbody>{rows}</tbody></table></div>{navigation}
                """));
        }

        private static string Section(string id, string title, string content) =>
            $"""<section class="card" aria-labelledby="{id}"><h2 id="{id}">{E(title)}</h2>{(content.StartsWith('<') ? content : "<p class=\"muted\">" + E(content) + "</p>")}</section>""";

        private static string Attempt(ResultAttempt a)
        {
            if (a.HttpStatus is null)
            {
                return "no answer: " + a.Error;
            }

            string reply = a.ReplyStatus is null ? "no XML reply" : "pg_status " + a.ReplyStatus;
            string signature = a.ReplySignatureValid switch { true => ", signed correctly", false => ", signature WRONG", null => ", unsigned" };
            return $"HTTP {a.HttpStatus}, {reply}{(a.ReplyStatus is null ? string.Empty : signature)}";
        }

        private static string Verdict(SignatureVerdict verdict) => verdict switch
        {
            SignatureVerdict.Valid => "valid",
            SignatureVerdict.Invalid => "INVALID",
            SignatureVerdict.Missing => "missing",
            _ => "unknown merchant",
        };

        private static string Behaviour(TestPhone phone) => phone.Behavior switch
        {
            TestPhoneBehavior.NeedsApproval => "SMS code " + (phone.FirstCode ?? "(random, see SMS inbox)"),
            TestPhoneBehavior.ChargesAtOnce => "charged at once",
            _ => "declines",
        };

        private static string Time(DateTimeOffset at) => at.UtcDateTime.ToString("HH:mm:ss", CultureInfo.InvariantCulture);
    }
}
