using System.Collections.Generic;
using System.Linq;
using System.Net.Http;
using System.Threading.Tasks;
using System.Xml.Linq;
using FreedomPay.MobileBalance;
using FreedomPay.TestSupport;

namespace FreedomPay.Sandbox.Tests;

/// <summary>What the sandbox checks before it acts: merchant, signature, fields; and the wire formats it accepts.</summary>
public sealed class GatewayChecksTests
{
    [Fact]
    public async Task An_unknown_merchant_gets_an_unsigned_error_101()
    {
        await using var f = await SandboxFixture.StartAsync();
        using var stranger = f.NewClient("99999", "whatever");

        var ex = await Assert.ThrowsAsync<FreedomPayGatewayException>(() => stranger.MobileBalance.StatusAsync(new StatusRequest { PaymentId = 1 }));

        Assert.Equal("101", ex.ErrorCode);
        Assert.False(ex.IsSigned);
        Assert.DoesNotContain("pg_sig", ex.RawXml);
    }

    [Fact]
    public async Task A_wrong_secret_is_refused_and_the_client_cannot_trust_the_reply()
    {
        await using var f = await SandboxFixture.StartAsync();
        using var wrongSecret = f.NewClient(f.Sandbox.Merchant.MerchantId, "not-the-secret");

        // The sandbox answers "invalid signature", signed with the merchant's real secret; a client holding the
        // wrong secret cannot verify that reply, so it reports a signature problem and says to check the key. Init
        // moves money, so the untrusted reply leaves its outcome unknown; a status call shows the key problem alone.
        var ex = await Assert.ThrowsAsync<FreedomPayOutcomeUnknownException>(() => wrongSecret.MobileBalance.InitAsync(new InitRequest { Amount = 1m, Description = "x" }));
        var status = await Assert.ThrowsAsync<FreedomPaySignatureException>(() => wrongSecret.MobileBalance.StatusAsync(new StatusRequest { PaymentId = 1 }));

        var signature = Assert.IsType<FreedomPaySignatureException>(ex.InnerException);
        Assert.Contains("<pg_error_code>1002</pg_error_code>", signature.RawXml);
        Assert.Contains("secret key", ex.Message);
        Assert.Contains("secret key", status.Message);
        Assert.Empty(f.Sandbox.Payments);
    }

    [Fact]
    public async Task Another_merchants_payment_does_not_exist_for_you()
    {
        await using var f = await SandboxFixture.StartAsync(o => o.Merchants.Add(new SandboxMerchant("11111", "second-secret")));
        long id = await f.InitAsync();
        using var second = f.NewClient("11111", "second-secret");

        var ex = await Assert.ThrowsAsync<FreedomPayGatewayException>(() => second.MobileBalance.StatusAsync(new StatusRequest { PaymentId = id }));

        Assert.Equal("1003", ex.ErrorCode);
    }

    [Fact]
    public async Task A_missing_field_is_a_signed_error_that_names_it()
    {
        await using var f = await SandboxFixture.StartAsync();
        long id = await f.InitAsync();
        var fields = Signed("pay", f.Sandbox.Merchant, ("pg_merchant_id", f.Sandbox.Merchant.MerchantId), ("pg_payment_id", id.ToString()), ("pg_salt", "abc"));

        XElement reply = await PostAsync(f, "mfs/pay", new MultipartFormDataContent().With(fields));

        Assert.Equal("error", reply.Element("pg_status")!.Value);
        Assert.Equal("1001", reply.Element("pg_error_code")!.Value);
        Assert.Equal("Field pg_abonent_phone is required.", reply.Element("pg_error_description")!.Value);
        Assert.True(PgSignature.Verify("pay", Fields(reply), f.Sandbox.Merchant.SecretKey, reply.Element("pg_sig")!.Value));
    }

    [Fact]
    public async Task A_malformed_field_is_a_signed_error_that_names_it()
    {
        await using var f = await SandboxFixture.StartAsync();
        var fields = Signed("init_payment.php", f.Sandbox.Merchant, ("pg_merchant_id", f.Sandbox.Merchant.MerchantId), ("pg_amount", "lots"), ("pg_description", "x"), ("pg_payment_method", "mobile_commerce"), ("pg_salt", "abc"));

        XElement reply = await PostAsync(f, "init_payment.php", new FormUrlEncodedContent(fields));

        Assert.Equal("1001", reply.Element("pg_error_code")!.Value);
        Assert.Contains("pg_amount", reply.Element("pg_error_description")!.Value);
    }

    [Fact]
    public async Task Urlencoded_and_multipart_requests_are_both_accepted()
    {
        await using var f = await SandboxFixture.StartAsync();
        SandboxMerchant m = f.Sandbox.Merchant;
        (string, string)[] init = { ("pg_merchant_id", m.MerchantId), ("pg_amount", "25"), ("pg_description", "Кофе"), ("pg_payment_method", "mobile_commerce"), ("pg_salt", "molbulak") };

        XElement viaForm = await PostAsync(f, "init_payment.php", new FormUrlEncodedContent(Signed("init_payment.php", m, init)));
        XElement viaMultipart = await PostAsync(f, "init_payment.php", new MultipartFormDataContent().With(Signed("init_payment.php", m, init)));

        Assert.Equal("ok", viaForm.Element("pg_status")!.Value);
        Assert.Equal("ok", viaMultipart.Element("pg_status")!.Value);
        Assert.Equal("response", viaForm.Name.LocalName);
        Assert.True(PgSignature.Verify("init_payment.php", Fields(viaForm), m.SecretKey, viaForm.Element("pg_sig")!.Value));
    }

    [Fact]
    public async Task Every_reply_carries_a_fresh_salt()
    {
        await using var f = await SandboxFixture.StartAsync();
        long id = await f.InitAsync();

        StatusResponse a = await f.Mobile.StatusAsync(new StatusRequest { PaymentId = id });
        StatusResponse b = await f.Mobile.StatusAsync(new StatusRequest { PaymentId = id });

        Assert.NotEqual(a.Raw.Root.GetString("pg_salt"), b.Raw.Root.GetString("pg_salt"));
    }

    private static IEnumerable<KeyValuePair<string, string>> Signed(string script, SandboxMerchant merchant, params (string Name, string Value)[] fields)
    {
        var list = fields.Select(f => new KeyValuePair<string, string>(f.Name, f.Value)).ToList();
        list.Add(new("pg_sig", ReferenceSignature.Sign(script, list, merchant.SecretKey)));
        return list;
    }

    private static IEnumerable<KeyValuePair<string, string>> Fields(XElement root) =>
        root.Elements().Select(e => new KeyValuePair<string, string>(e.Name.LocalName, e.Value));

    private static async Task<XElement> PostAsync(SandboxFixture f, string path, HttpContent content)
    {
        using var http = new HttpClient { BaseAddress = f.Sandbox.BaseAddress };
        using HttpResponseMessage response = await http.PostAsync(path, content);
        Assert.Equal("application/xml", response.Content.Headers.ContentType!.MediaType);
        return XDocument.Parse(await response.Content.ReadAsStringAsync()).Root!;
    }
}

internal static class MultipartExtensions
{
    public static MultipartFormDataContent With(this MultipartFormDataContent content, IEnumerable<KeyValuePair<string, string>> fields)
    {
        foreach (var (name, value) in fields)
        {
            content.Add(new StringContent(value), name);
        }

        return content;
    }
}

/// <summary>get_status2.php, which the packaged client does not describe: for consumers' own specs.</summary>
public sealed class StatusByOrderTests
{
    [Fact]
    public async Task Status_by_order_id_reports_the_latest_payment_and_0_for_an_unknown_order()
    {
        await using var f = await SandboxFixture.StartAsync();
        var init = await f.Mobile.InitAsync(new InitRequest { OrderId = "ORD-9", Amount = 5m, Description = "x" });
        await f.Mobile.PayAsync(new PayRequest { PaymentId = init.PaymentId, AbonentPhone = "77077777777" });
        SandboxMerchant m = f.Sandbox.Merchant;

        XElement known = await PostAsync(f, ("pg_merchant_id", m.MerchantId), ("pg_order_id", "ORD-9"), ("pg_salt", "s1"));
        XElement unknown = await PostAsync(f, ("pg_merchant_id", m.MerchantId), ("pg_order_id", "nope"), ("pg_salt", "s2"));

        Assert.Equal(init.PaymentId.ToString(), known.Element("pg_payment_id")!.Value);
        Assert.Equal("ok", known.Element("pg_transaction_status")!.Value);
        Assert.Equal("0", unknown.Element("pg_payment_id")!.Value);
        Assert.True(PgSignature.Verify("get_status2.php", known.Elements().Select(e => new KeyValuePair<string, string>(e.Name.LocalName, e.Value)), m.SecretKey, known.Element("pg_sig")!.Value));
    }

    private static async Task<XElement> PostAsync(SandboxFixture f, params (string Name, string Value)[] fields)
    {
        var list = fields.Select(x => new KeyValuePair<string, string>(x.Name, x.Value)).ToList();
        list.Add(new("pg_sig", ReferenceSignature.Sign("get_status2.php", list, f.Sandbox.Merchant.SecretKey)));
        using var http = new HttpClient { BaseAddress = f.Sandbox.BaseAddress };
        using HttpResponseMessage response = await http.PostAsync("get_status2.php", new FormUrlEncodedContent(list));
        return XDocument.Parse(await response.Content.ReadAsStringAsync()).Root!;
    }
}
