using System;
using System.Collections.Generic;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Text.RegularExpressions;
using System.Threading.Tasks;
using FreedomPay.MobileBalance;
using FreedomPay.TestSupport;

namespace FreedomPay.Sandbox.Tests;

/// <summary>
/// The hosted page and the dashboard over plain HTTP (no browser needed): addresses, the shared state machine
/// and Check URL, the way back to the shop, and what the dashboard must never show.
/// The same pages are driven in Chromium by tests/FreedomPay.Sandbox.BrowserTests.
/// </summary>
public sealed class HostedPageHttpTests
{
    private static readonly HttpClient Browser = new(new SocketsHttpHandler { AllowAutoRedirect = false });

    [Fact]
    public async Task The_redirect_url_is_an_unguessable_page_in_the_buyers_language()
    {
        await using var f = await SandboxFixture.StartAsync();
        InitResponse english = await f.Mobile.InitAsync(new InitRequest { Amount = 10m, Description = "Books & <more>", Language = PageLanguage.English });
        InitResponse russian = await f.Mobile.InitAsync(new InitRequest { Amount = 10m, Description = "Книги" });

        Assert.Matches(new Regex("/pay/[0-9a-f]{32}$"), english.RedirectUrl);
        Assert.DoesNotContain(english.PaymentId.ToString(), english.RedirectUrl);
        string en = await Browser.GetStringAsync(english.RedirectUrl);
        string ru = await Browser.GetStringAsync(russian.RedirectUrl);
        Assert.Contains("<html lang=\"en\">", en);
        Assert.Contains("Books &amp; &lt;more&gt;", en); // the merchant's text is encoded, never markup
        Assert.Contains("<html lang=\"ru\">", ru);
        Assert.Contains("Книги", ru);
    }

    [Fact]
    public async Task An_unknown_page_key_is_404()
    {
        await using var f = await SandboxFixture.StartAsync();

        using HttpResponseMessage response = await Browser.GetAsync(new Uri(f.Sandbox.BaseAddress, "pay/" + new string('0', 32)));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task A_declined_phone_on_the_page_fails_the_payment_sends_the_buyer_to_the_failure_url_and_notifies()
    {
        await using var f = await SandboxFixture.StartAsync();
        await using var merchant = await CallbackServer.StartAsync();
        InitResponse init = await f.Mobile.InitAsync(new InitRequest
        {
            OrderId = "R-1", Amount = 10m, Description = "x", ResultUrl = new Uri(merchant.BaseAddress, "result").AbsoluteUri,
            FailureUrl = "https://shop.test/failed?from=fp", SuccessUrl = "https://shop.test/paid",
        });

        using HttpResponseMessage response = await PostAsync(init.RedirectUrl + "/phone", ("phone", "+7 700 000 00 00"));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        string location = response.Headers.Location!.ToString();
        Assert.StartsWith($"https://shop.test/failed?from=fp&pg_order_id=R-1&pg_payment_id={init.PaymentId}&pg_error_code=1011&pg_error_description=", location);
        // Signed as the Redirect back docs say, with the URL's last segment; the shop's own query is signed with the rest.
        var query = Microsoft.AspNetCore.WebUtilities.QueryHelpers.ParseQuery(new Uri(location).Query)
            .Select(p => new KeyValuePair<string, string>(p.Key, p.Value.ToString())).ToList();
        Assert.Equal(ReferenceSignature.Sign("failed", query, f.Sandbox.Merchant.SecretKey), query.Single(p => p.Key == "pg_sig").Value);
        StatusResponse status = await f.Mobile.StatusAsync(new StatusRequest { PaymentId = init.PaymentId });
        Assert.Equal(PaymentStatus.Failed, status.PaymentStatus);
        await merchant.WaitForAsync(1);
        Assert.Contains(new KeyValuePair<string, string>("pg_result", "0"), merchant.Received[0]);
    }

    [Fact]
    public async Task The_page_asks_the_merchants_check_url_before_charging_just_as_the_api_does()
    {
        await using var f = await SandboxFixture.StartAsync();
        await using var merchant = await CallbackServer.StartAsync(); // answers an empty body: not a signed "ok"
        InitResponse init = await f.Mobile.InitAsync(new InitRequest { Amount = 10m, Description = "x", CheckUrl = new Uri(merchant.BaseAddress, "check").AbsoluteUri });

        using HttpResponseMessage response = await PostAsync(init.RedirectUrl + "/phone", ("phone", "77077777777"));

        await merchant.WaitForAsync(1);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode); // no failure URL: back to the page's result screen
        Assert.Equal(SandboxPaymentStatus.Failed, f.Sandbox.FindPayment(init.PaymentId)!.Status);
        string page = await Browser.GetStringAsync(init.RedirectUrl);
        Assert.Contains("Магазин отклонил платёж.", page);
    }

    [Fact]
    public async Task A_code_entered_on_the_page_after_pay_through_the_api_completes_the_same_payment()
    {
        await using var f = await SandboxFixture.StartAsync();
        InitResponse init = await f.Mobile.InitAsync(new InitRequest { Amount = 10m, Description = "x", SuccessUrl = "https://shop.test/paid" });
        await f.Mobile.PayAsync(new PayRequest { PaymentId = init.PaymentId, AbonentPhone = "77017777777" });

        using HttpResponseMessage stale = await PostAsync(init.RedirectUrl + "/phone", ("phone", "77017777777")); // the phone form again, from an old tab
        using HttpResponseMessage wrong = await PostAsync(init.RedirectUrl + "/code", ("code", "999999"));
        using HttpResponseMessage right = await PostAsync(init.RedirectUrl + "/code", ("code", f.Sandbox.Sms.LastCodeFor(init.PaymentId)!));

        Assert.Equal(HttpStatusCode.Redirect, stale.StatusCode); // back to the code step, nothing changed
        Assert.Equal("/pay/" + init.RedirectUrl!.Split('/').Last(), stale.Headers.Location!.ToString());
        Assert.Equal(HttpStatusCode.UnprocessableEntity, wrong.StatusCode);
        Assert.Contains("Осталось попыток: 2.", await wrong.Content.ReadAsStringAsync());
        Assert.StartsWith("https://shop.test/paid?", right.Headers.Location!.ToString());
        Assert.Equal(SandboxPaymentStatus.Success, f.Sandbox.FindPayment(init.PaymentId)!.Status);
    }

    [Fact]
    public async Task An_expired_code_and_an_expired_payment_are_explained_on_the_page()
    {
        await using var f = await SandboxFixture.StartAsync();
        InitResponse init = await f.Mobile.InitAsync(new InitRequest { Amount = 10m, Description = "x", Lifetime = 600, Language = PageLanguage.English });
        using HttpResponseMessage phone = await PostAsync(init.RedirectUrl + "/phone", ("phone", "77017777777"));

        f.Clock.Advance(TimeSpan.FromMinutes(6)); // codes live 5 minutes
        using HttpResponseMessage late = await PostAsync(init.RedirectUrl + "/code", ("code", f.Sandbox.Sms.LastCodeFor(init.PaymentId)!));
        f.Clock.Advance(TimeSpan.FromMinutes(5)); // the payment lives 10
        string expired = await Browser.GetStringAsync(init.RedirectUrl);

        Assert.Equal(HttpStatusCode.Redirect, phone.StatusCode);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, late.StatusCode);
        Assert.Contains("The code has expired. Ask for a new one.", await late.Content.ReadAsStringAsync());
        Assert.Contains("The time to pay has run out", expired);
        Assert.Equal(SandboxPaymentStatus.Incomplete, f.Sandbox.FindPayment(init.PaymentId)!.Status);
    }

    [Fact]
    public async Task The_dashboard_shows_payments_and_signature_verdicts_and_never_the_secret()
    {
        await using var f = await SandboxFixture.StartAsync();
        long id = await f.InitAsync();
        using FreedomPayClient forger = f.NewClient(f.Sandbox.Merchant.MerchantId, "not-the-secret");
        await Assert.ThrowsAnyAsync<FreedomPayException>(() => forger.MobileBalance.StatusAsync(new StatusRequest { PaymentId = id }));

        string dashboard = await Browser.GetStringAsync(f.Sandbox.DashboardAddress);

        Assert.Contains($"id=\"payment-{id}\"", dashboard);
        Assert.DoesNotContain(f.Sandbox.Merchant.SecretKey, dashboard);
        Assert.Equal(
            new[] { (SignatureVerdict.Valid, "init_payment.php", "ok"), (SignatureVerdict.Invalid, "get_status3.php", "error") },
            f.Sandbox.Requests.Select(r => (r.Signature, r.Script, r.Status)));
        Assert.Contains("INVALID", dashboard);
    }

    private static Task<HttpResponseMessage> PostAsync(string url, params (string Name, string Value)[] fields) =>
        Browser.PostAsync(url, new FormUrlEncodedContent(fields.Select(f => new KeyValuePair<string, string>(f.Name, f.Value))));
}
