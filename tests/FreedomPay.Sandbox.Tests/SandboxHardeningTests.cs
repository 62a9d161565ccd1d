using System;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Threading.Tasks;
using System.Xml.Linq;
using FreedomPay.MobileBalance;
using FreedomPay.TestSupport;

namespace FreedomPay.Sandbox.Tests;

/// <summary>
/// The sandbox under input a browser or a careless test could send it: URLs that are not web addresses, payments
/// nobody pays, bodies it cannot read, a dashboard with thousands of rows, and merchants that answer with garbage.
/// </summary>
public sealed class SandboxHardeningTests
{
    private static readonly HttpClient Http = new(new SocketsHttpHandler { AllowAutoRedirect = false });

    [Theory]
    [InlineData("pg_success_url", "javascript:alert(document.cookie)")]
    [InlineData("pg_failure_url", "data:text/html,<script>alert(1)</script>")]
    [InlineData("pg_result_url", "file:///etc/passwd")]
    [InlineData("pg_check_url", "ftp://shop.test/check")]
    public async Task Only_http_and_https_urls_are_accepted_and_the_error_names_the_field(string field, string url)
    {
        await using var f = await SandboxFixture.StartAsync();
        var request = new InitRequest
        {
            Amount = 10m, Description = "x",
            SuccessUrl = field == "pg_success_url" ? url : null,
            FailureUrl = field == "pg_failure_url" ? url : null,
            ResultUrl = field == "pg_result_url" ? url : null,
            CheckUrl = field == "pg_check_url" ? url : null,
        };

        var ex = await Assert.ThrowsAsync<FreedomPayGatewayException>(() => f.Mobile.InitAsync(request));

        Assert.Equal("1001", ex.ErrorCode);
        Assert.Contains(field, ex.ErrorDescription);
        Assert.Contains("http or https", ex.ErrorDescription);
        Assert.Empty(f.Sandbox.Payments);
    }

    [Fact]
    public async Task A_payment_without_pg_lifetime_expires_after_the_documented_default_of_a_day()
    {
        await using var f = await SandboxFixture.StartAsync();
        long payment = await f.InitAsync();

        f.Clock.Advance(TimeSpan.FromSeconds(86400) + TimeSpan.FromSeconds(1));
        var ex = await Assert.ThrowsAsync<FreedomPayGatewayException>(() => f.Mobile.PayAsync(new PayRequest { PaymentId = payment, AbonentPhone = "77077777777" }));

        Assert.Equal(SandboxErrorCodes.PaymentExpired.ToString(), ex.ErrorCode);
        Assert.Equal(SandboxPaymentStatus.Incomplete, f.Sandbox.FindPayment(payment)!.Status);
    }

    [Fact]
    public async Task The_oldest_payments_are_forgotten_beyond_MaxPayments()
    {
        await using var f = await SandboxFixture.StartAsync(o => o.MaxPayments = 10);
        long first = await f.InitAsync();
        for (int i = 0; i < 10; i++)
        {
            await f.InitAsync();
        }

        var ex = await Assert.ThrowsAsync<FreedomPayGatewayException>(() => f.Mobile.StatusAsync(new StatusRequest { PaymentId = first }));

        Assert.Equal(10, f.Sandbox.Payments.Count);
        Assert.Equal(SandboxErrorCodes.PaymentNotFound.ToString(), ex.ErrorCode);
    }

    [Theory]
    [InlineData("multipart/form-data; boundary=b", "--b\r\nContent-Disposition: form-data; name=\"pg_merchant_id\"\r\n\r\n54321")]
    [InlineData("multipart/form-data", "--b\r\n")]
    public async Task A_body_that_is_not_a_form_is_answered_as_an_unidentified_merchant_not_with_a_500(string contentType, string body)
    {
        await using var f = await SandboxFixture.StartAsync();
        var content = new ByteArrayContent(HostileCorpus.Utf8(body));
        content.Headers.TryAddWithoutValidation("Content-Type", contentType);

        using HttpResponseMessage response = await Http.PostAsync(new Uri(f.Sandbox.BaseAddress, "mfs/pay"), content);
        XElement reply = XDocument.Parse(await response.Content.ReadAsStringAsync()).Root!;

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("101", reply.Element("pg_error_code")!.Value);
        Assert.Null(reply.Element("pg_sig")); // no merchant, no key to sign with: the documented unsigned case
    }

    [Fact]
    public async Task A_hosted_page_form_that_cannot_be_read_is_a_bad_request_page_not_a_500()
    {
        await using var f = await SandboxFixture.StartAsync();
        InitResponse init = await f.Mobile.InitAsync(new InitRequest { Amount = 10m, Description = "x", Language = PageLanguage.English });
        var content = new ByteArrayContent(HostileCorpus.Utf8("--b\r\nContent-Disposition: form-data; name=\"phone\"\r\n\r\n7701"));
        content.Headers.TryAddWithoutValidation("Content-Type", "multipart/form-data; boundary=b");

        using HttpResponseMessage response = await Http.PostAsync(init.RedirectUrl + "/phone", content);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("<html lang=\"en\">", await response.Content.ReadAsStringAsync());
        Assert.Equal(SandboxPaymentStatus.New, f.Sandbox.FindPayment(init.PaymentId)!.Status);
    }

    [Fact]
    public async Task A_value_xml_cannot_carry_is_echoed_replaced_not_answered_with_a_500()
    {
        await using var f = await SandboxFixture.StartAsync();
        InitResponse init = await f.Mobile.InitAsync(new InitRequest { OrderId = "A\uFFFEB\u0000", Amount = 10m, Description = "x" });

        StatusResponse status = await f.Mobile.StatusAsync(new StatusRequest { PaymentId = init.PaymentId });

        Assert.Equal("A\uFFFDB\uFFFD", status.OrderId); // signed as sent in the reply, so the client accepted it
    }

    [Fact]
    public async Task Too_many_fields_are_refused_the_same_way()
    {
        await using var f = await SandboxFixture.StartAsync();
        string body = string.Join("&", Enumerable.Range(0, 2000).Select(i => $"f{i}=1"));

        using HttpResponseMessage response = await Http.PostAsync(new Uri(f.Sandbox.BaseAddress, "get_status3.php"), new StringContent(body, System.Text.Encoding.ASCII, "application/x-www-form-urlencoded"));

        Assert.Contains("<pg_error_code>101</pg_error_code>", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task The_dashboard_shows_one_page_of_payments_with_links_to_the_others()
    {
        await using var f = await SandboxFixture.StartAsync();
        long[] ids = new long[60];
        for (int i = 0; i < ids.Length; i++)
        {
            ids[i] = await f.InitAsync();
        }

        string first = await Http.GetStringAsync(f.Sandbox.DashboardAddress);
        string third = await Http.GetStringAsync(new Uri(f.Sandbox.DashboardAddress + "?payments=3"));

        Assert.Contains($"id=\"payment-{ids[^1]}\"", first);
        Assert.DoesNotContain($"id=\"payment-{ids[0]}\"", first);
        Assert.Contains("Page 1 of 3, 60 in all.", first);
        Assert.Contains("href=\"/_sandbox?payments=2\"", first);
        Assert.Contains($"id=\"payment-{ids[0]}\"", third);
        Assert.Equal(10, System.Text.RegularExpressions.Regex.Matches(third, "id=\"payment-").Count);
    }

    [Fact]
    public async Task A_merchant_answering_a_huge_or_deeply_nested_reply_is_recorded_as_no_valid_answer()
    {
        await using var f = await SandboxFixture.StartAsync();
        await using LoopbackApp merchant = await LoopbackApp.StartAsync(app =>
        {
            Microsoft.AspNetCore.Builder.EndpointRouteBuilderExtensions.MapPost(app, "/check", () => Microsoft.AspNetCore.Http.Results.Bytes(HostileCorpus.Nested("response", 100_000), "application/xml"));
            Microsoft.AspNetCore.Builder.EndpointRouteBuilderExtensions.MapPost(app, "/result", () => Microsoft.AspNetCore.Http.Results.Bytes(HostileCorpus.Nested("response", 5_000), "application/xml"));
        });
        InitResponse init = await f.Mobile.InitAsync(new InitRequest
        {
            Amount = 10m, Description = "x", CheckUrl = new Uri(merchant.BaseAddress, "check").AbsoluteUri, ResultUrl = new Uri(merchant.BaseAddress, "result").AbsoluteUri,
        });

        var refused = await Assert.ThrowsAsync<FreedomPayGatewayException>(() => f.Mobile.PayAsync(new PayRequest { PaymentId = init.PaymentId, AbonentPhone = "77077777777" }));

        Assert.Equal(SandboxErrorCodes.RefusedByMerchant.ToString(), refused.ErrorCode);
        Assert.Contains("no valid answer", refused.ErrorDescription);
    }
}
