using System;
using System.Collections.Generic;
using System.Linq;
using System.Net.Http;
using System.Threading.Tasks;
using System.Xml.Linq;
using FreedomPay.MobileBalance;
using FreedomPay.Sandbox;

namespace FreedomPay.AspNetCore.Tests;

/// <summary>MapFreedomPayCallbacks: the sandbox's real callbacks reach the handler; forged ones never do.</summary>
public sealed class CallbackEndpointTests
{
    [Fact]
    public async Task The_sandboxes_result_notify_reaches_the_handler_and_gets_a_signed_ok()
    {
        await using var sandbox = await FreedomPaySandbox.StartAsync();
        await using var merchant = await MerchantApp.StartAsync(sandbox.Merchant.SecretKey);
        using var client = Client(sandbox);

        InitResponse init = await client.MobileBalance.InitAsync(new InitRequest { OrderId = "ORD-7", Amount = 500m, Description = "Callback", ResultUrl = merchant.ResultUrl.ToString() });
        await client.MobileBalance.PayAsync(new PayRequest { PaymentId = init.PaymentId, AbonentPhone = "77077777777" });
        await sandbox.WhenResultDeliveredAsync(init.PaymentId);

        var notification = Assert.Single(merchant.Handler.Results);
        Assert.Equal(init.PaymentId, notification.PaymentId);
        Assert.Equal("ORD-7", notification.OrderId);
        Assert.Equal(1, notification.Result);
        Assert.Equal(500m, notification.Amount);
        ResultAttempt attempt = Assert.Single(sandbox.ResultDeliveries.Single().Attempts);
        Assert.Equal(("ok", true), (attempt.ReplyStatus, attempt.ReplySignatureValid));
    }

    [Fact]
    public async Task A_tampered_callback_is_answered_with_an_error_and_never_reaches_the_handler()
    {
        const string secret = "merchant-secret";
        await using var merchant = await MerchantApp.StartAsync(secret);
        var fields = Signatures.Signed("result", secret, ("pg_order_id", "A-1"), ("pg_payment_id", "42"), ("pg_amount", "500"), ("pg_currency", "KZT"), ("pg_result", "1"), ("pg_salt", "x1"));
        fields[2] = new("pg_amount", "5000"); // changed after signing

        XElement reply = await PostAsync(merchant.ResultUrl, new FormUrlEncodedContent(fields));

        Assert.Equal("error", reply.Element("pg_status")!.Value);
        Assert.Equal("Invalid signature.", reply.Element("pg_description")!.Value);
        Assert.Empty(merchant.Handler.Results);
        Signatures.AssertSigned(reply, "result", secret);
    }

    [Fact]
    public async Task A_repeated_notification_gets_the_same_reply_without_calling_the_handler_again()
    {
        const string secret = "merchant-secret";
        await using var merchant = await MerchantApp.StartAsync(secret);
        var fields = Signatures.Signed("result", secret, ("pg_order_id", "A-2"), ("pg_payment_id", "43"), ("pg_amount", "10"), ("pg_currency", "KZT"), ("pg_result", "1"), ("pg_salt", "x2"));

        XElement first = await PostAsync(merchant.ResultUrl, new FormUrlEncodedContent(fields));
        XElement second = await PostAsync(merchant.ResultUrl, new FormUrlEncodedContent(fields));

        Assert.Single(merchant.Handler.Results);
        Assert.Equal((first.Element("pg_status")!.Value, first.Element("pg_description")!.Value), (second.Element("pg_status")!.Value, second.Element("pg_description")!.Value));
        Assert.Equal("Order A-2 recorded", second.Element("pg_description")!.Value);
        Signatures.AssertSigned(second, "result", secret);
    }

    [Fact]
    public async Task The_xml_variant_and_get_requests_are_accepted()
    {
        const string secret = "merchant-secret";
        await using var merchant = await MerchantApp.StartAsync(secret);
        var fields = Signatures.Signed("result", secret, ("pg_order_id", "A-3"), ("pg_payment_id", "44"), ("pg_amount", "10"), ("pg_currency", "KZT"), ("pg_result", "0"), ("pg_salt", "x3"));
        string xml = "<request>" + string.Concat(fields.Select(f => $"<{f.Key}>{f.Value}</{f.Key}>")) + "</request>";
        var query = Signatures.Signed("result", secret, ("pg_order_id", "A-4"), ("pg_payment_id", "45"), ("pg_amount", "10"), ("pg_currency", "KZT"), ("pg_result", "1"), ("pg_salt", "x4"));

        XElement viaXml = await PostAsync(merchant.ResultUrl, new FormUrlEncodedContent(new[] { new KeyValuePair<string, string>("pg_xml", xml) }));
        using var http = new HttpClient();
        string viaGet = await http.GetStringAsync(new Uri(merchant.ResultUrl, "?" + string.Join("&", query.Select(f => f.Key + "=" + Uri.EscapeDataString(f.Value)))));

        Assert.Equal("ok", viaXml.Element("pg_status")!.Value);
        Assert.Equal("ok", XDocument.Parse(viaGet).Root!.Element("pg_status")!.Value);
        Assert.Equal(new long[] { 44, 45 }, merchant.Handler.Results.Select(r => r.PaymentId).OrderBy(x => x));
    }

    [Fact]
    public async Task A_check_the_merchant_rejects_stops_the_payment_before_any_money_moves()
    {
        await using var sandbox = await FreedomPaySandbox.StartAsync();
        await using var merchant = await MerchantApp.StartAsync(sandbox.Merchant.SecretKey);
        merchant.Handler.CheckDecision = check => check.Amount > 100m ? CallbackReply.Rejected("Out of stock") : CallbackReply.Ok();
        using var client = Client(sandbox);
        long small = (await client.MobileBalance.InitAsync(new InitRequest { Amount = 50m, Description = "ok", CheckUrl = merchant.CheckUrl.ToString() })).PaymentId;
        long large = (await client.MobileBalance.InitAsync(new InitRequest { Amount = 500m, Description = "too much", CheckUrl = merchant.CheckUrl.ToString() })).PaymentId;

        PayResponse allowed = await client.MobileBalance.PayAsync(new PayRequest { PaymentId = small, AbonentPhone = "77017777777" });
        var refused = await Assert.ThrowsAsync<FreedomPayGatewayException>(() => client.MobileBalance.PayAsync(new PayRequest { PaymentId = large, AbonentPhone = "77017777777" }));

        Assert.Equal(PayStatus.NeedApprove, allowed.Status);
        Assert.Equal("1014", refused.ErrorCode);
        Assert.Contains("Out of stock", refused.ErrorDescription);
        Assert.Equal(2, merchant.Handler.Checks.Count);
        Assert.Equal(SandboxPaymentStatus.Failed, sandbox.FindPayment(large)!.Status);
        Assert.Single(sandbox.Sms.All); // only the allowed payment reached the operator
    }

    [Fact]
    public void Mapping_without_a_secret_key_is_refused()
    {
        var builder = Microsoft.AspNetCore.Builder.WebApplication.CreateSlimBuilder();
        using var app = builder.Build();

        var ex = Assert.Throws<ArgumentException>(() => app.MapFreedomPayCallbacks("/freedompay", new FreedomPayCallbackOptions()));

        Assert.Contains("SecretKey is required", ex.Message);
    }

    private static FreedomPayClient Client(FreedomPaySandbox sandbox) => new(new FreedomPayClientOptions
    {
        MerchantId = sandbox.Merchant.MerchantId, SecretKey = sandbox.Merchant.SecretKey, BaseAddress = sandbox.BaseAddress,
    });

    private static async Task<XElement> PostAsync(Uri url, HttpContent content)
    {
        using var http = new HttpClient();
        using HttpResponseMessage response = await http.PostAsync(url, content);
        response.EnsureSuccessStatusCode();
        return XDocument.Parse(await response.Content.ReadAsStringAsync()).Root!;
    }
}
