using System.Linq;
using System.Net.Http;
using System.Threading.Tasks;
using FreedomPay.Client.Tests.Infrastructure;
using FreedomPay.MobileBalance;
using FreedomPay.Runtime;
using FreedomPay.TestSupport;

namespace FreedomPay.Client.Tests;

/// <summary>
/// What each Mobile balance operation puts on the wire: method, path, content type, every field name and value
/// (parsed by ASP.NET Core's MultipartReader), and a pg_sig that an independent computation accepts.
/// </summary>
public sealed class WireTests
{
    [Fact]
    public async Task The_merchants_own_parameters_go_on_the_wire_and_into_the_signature()
    {
        using var test = new TestClient();
        test.Gateway.Respond = r => FakeGateway.Xml(FakeGateway.SignedReply("init_payment.php", ("pg_status", "ok"), ("pg_payment_id", "4567788")));

        await test.Client.MobileBalance.InitAsync(new InitRequest
        {
            Amount = 10m, Description = "x", ExtraParams = new System.Collections.Generic.Dictionary<string, string> { ["shop_order"] = "A-1", ["zz-last"] = "z" },
        });

        CapturedRequest sent = test.Gateway.Single;
        Assert.Equal(new[] { "pg_merchant_id", "pg_payment_method", "pg_amount", "pg_description", "shop_order", "zz-last", "pg_salt", "pg_sig" }, sent.Names);
        Assert.Equal(("A-1", "z"), (sent["shop_order"], sent["zz-last"]));
        AssertSignedFor("init_payment.php", sent); // the independent rule signs them with the rest, sorted by name
    }

    [Fact]
    public async Task A_raw_call_is_signed_sent_and_verified_like_a_generated_one()
    {
        using var test = new TestClient();
        test.Gateway.Respond = r => FakeGateway.Xml(FakeGateway.SignedReply("balance_status", ("pg_status", "ok"), ("pg_balance", "1500.00")));

        RawResponse reply = await test.Client.SendRawAsync(new RawRequest("/api/balance_status", new System.Collections.Generic.Dictionary<string, string> { ["pg_currency"] = "KZT" }) { SafeToRetry = true });

        CapturedRequest sent = test.Gateway.Single;
        Assert.Equal("https://gateway.test/api/balance_status", sent.Uri.ToString());
        Assert.Equal(new[] { "pg_merchant_id", "pg_currency", "pg_salt", "pg_sig" }, sent.Names);
        AssertSignedFor("balance_status", sent);
        Assert.Equal("1500.00", reply.Raw.Root.GetString("pg_balance"));
    }

    [Theory]
    [InlineData("https://elsewhere.test/x")]
    [InlineData("api/../admin")]
    [InlineData("api/x?y=1")]
    [InlineData("")]
    [InlineData("api/%2e%2e/admin")]
    [InlineData("api/%2E./admin")]
    [InlineData("api/.%2e/admin")]
    [InlineData("api/%2e/admin")]
    [InlineData("api/a%2fb")]
    [InlineData("api/a%2Fb")]
    [InlineData("api/a%5cb")]
    public void A_raw_call_stays_on_the_gateway(string path)
    {
        var refused = Assert.Throws<System.ArgumentException>(() => new RawRequest(path, new System.Collections.Generic.Dictionary<string, string>()));
        Assert.Contains("is not a path relative to the gateway", refused.Message);
    }

    [Fact]
    public void A_raw_path_with_an_escape_that_is_a_name_is_sent_as_given()
    {
        Assert.Equal("api/%252e%252e/x%20y", new RawRequest("api/%252e%252e/x%20y", new System.Collections.Generic.Dictionary<string, string>()).Path);
    }

    [Theory]
    [InlineData("")]
    [InlineData(".")]
    [InlineData("..")]
    public void A_path_parameter_that_would_move_the_request_is_refused_naming_the_field(string value)
    {
        var template = new PathTemplate("/v1/merchant/{merchant-id}/card/{pg_card_id}/view");
        var fields = new RequestFieldTable("ViewRequest", RequestField.Text("pg_card_id", "CardId"));

        var refused = Assert.Throws<FreedomPayValidationException>(() => template.Resolve("Cards.View", fields, "11111", _ => value));
        var merchant = Assert.Throws<FreedomPayValidationException>(() => template.Resolve("Cards.View", fields, value, _ => "7"));

        FieldError error = Assert.Single(refused.Errors);
        Assert.Equal(("pg_card_id", "CardId"), (error.WireName, error.MemberName));
        Assert.Contains("path", error.Rule);
        Assert.Equal("merchant-id", Assert.Single(merchant.Errors).WireName);
        Assert.Equal("/v1/merchant/11111/card/..%2F..%2Fadmin/view", template.Resolve("Cards.View", fields, "11111", _ => "../../admin"));
        Assert.Equal("/v1/merchant/11111/card/...%20x/view", template.Resolve("Cards.View", fields, "11111", _ => "... x"));
    }

    [Fact]
    public async Task A_raw_call_that_moves_money_is_never_sent_twice()
    {
        using var test = new TestClient();
        test.Gateway.Respond = r => new HttpResponseMessage(System.Net.HttpStatusCode.BadGateway);

        await Assert.ThrowsAsync<FreedomPayOutcomeUnknownException>(() => test.Client.SendRawAsync(new RawRequest("revoke.php", new System.Collections.Generic.Dictionary<string, string> { ["pg_payment_id"] = "1" })));

        Assert.Single(test.Gateway.Requests);
        Assert.Throws<System.ArgumentException>(() => new RawRequest("x", new System.Collections.Generic.Dictionary<string, string> { ["pg_sig"] = "forged" }));
    }

    [Fact]
    public async Task Init_posts_multipart_to_init_payment_php_with_mobile_commerce()
    {
        using var test = new TestClient();
        test.Gateway.Respond = r => FakeGateway.Xml(FakeGateway.SignedReply("init_payment.php", ("pg_status", "ok"), ("pg_payment_id", "4567788"), ("pg_redirect_url", "https://gateway.test/pay.html?customer=abc"), ("pg_redirect_url_type", "need data")));

        var reply = await test.Client.MobileBalance.InitAsync(new InitRequest
        {
            OrderId = "A-1", Amount = 150.50m, Currency = "KZT", Description = "Пополнение баланса", Lifetime = 600,
            Language = PageLanguage.English, TestingMode = true, ResultUrl = "https://shop.test/pay/result",
        });

        CapturedRequest sent = test.Gateway.Single;
        Assert.Equal(HttpMethod.Post, sent.Method);
        Assert.Equal("https://gateway.test/init_payment.php", sent.Uri.ToString());
        Assert.StartsWith("multipart/form-data; boundary=", sent.ContentType);
        Assert.Equal(
            new[] { "pg_merchant_id", "pg_payment_method", "pg_order_id", "pg_amount", "pg_currency", "pg_description", "pg_testing_mode", "pg_lifetime", "pg_language", "pg_result_url", "pg_salt", "pg_sig" },
            sent.Names);
        Assert.Equal(FakeGateway.MerchantId, sent["pg_merchant_id"]);
        Assert.Equal("mobile_commerce", sent["pg_payment_method"]);
        Assert.Equal("A-1", sent["pg_order_id"]);
        Assert.Equal("150.50", sent["pg_amount"]);
        Assert.Equal("KZT", sent["pg_currency"]);
        Assert.Equal("Пополнение баланса", sent["pg_description"]);
        Assert.Equal("1", sent["pg_testing_mode"]);
        Assert.Equal("600", sent["pg_lifetime"]);
        Assert.Equal("en", sent["pg_language"]);
        Assert.Equal("https://shop.test/pay/result", sent["pg_result_url"]);
        AssertSignedFor("init_payment.php", sent);

        Assert.Equal(ResultStatus.Ok, reply.Status);
        Assert.Equal(4567788, reply.PaymentId);
        Assert.Equal("https://gateway.test/pay.html?customer=abc", reply.RedirectUrl);
        Assert.Equal("need data", reply.RedirectUrlType);
    }

    [Fact]
    public async Task Pay_posts_phone_and_operator_to_mfs_pay()
    {
        using var test = new TestClient();
        test.Gateway.Respond = r => FakeGateway.Xml(FakeGateway.SignedReply("pay", ("pg_status", "need_approve"), ("pg_payment_id", "987654321")));

        var reply = await test.Client.MobileBalance.PayAsync(new PayRequest
        {
            PaymentId = 987654321, AbonentPhone = "77017777777", PaymentSystemCode = MobileOperator.Kcell,
        });

        CapturedRequest sent = test.Gateway.Single;
        Assert.Equal(HttpMethod.Post, sent.Method);
        Assert.Equal("/mfs/pay", sent.Uri.AbsolutePath);
        Assert.Equal(new[] { "pg_merchant_id", "pg_payment_id", "pg_abonent_phone", "pg_payment_system_code", "pg_salt", "pg_sig" }, sent.Names);
        Assert.Equal("987654321", sent["pg_payment_id"]);
        Assert.Equal("77017777777", sent["pg_abonent_phone"]);
        Assert.Equal("KCELLKZT", sent["pg_payment_system_code"]);
        AssertSignedFor("pay", sent);
        Assert.Equal(PayStatus.NeedApprove, reply.Status);
        Assert.Equal(987654321, reply.PaymentId);
    }

    [Fact]
    public async Task Approve_sends_the_code_as_typed_with_its_leading_zero()
    {
        using var test = new TestClient();
        test.Gateway.Respond = r => FakeGateway.Xml(FakeGateway.SignedReply("approve", ("pg_status", "process"), ("pg_payment_id", "42")));

        var reply = await test.Client.MobileBalance.ApproveAsync(new ApproveRequest { PaymentId = 42, ApprovalCode = "077587" });

        CapturedRequest sent = test.Gateway.Single;
        Assert.Equal("/mfs/approve", sent.Uri.AbsolutePath);
        Assert.Equal(new[] { "pg_merchant_id", "pg_payment_id", "pg_approval_code", "pg_salt", "pg_sig" }, sent.Names);
        Assert.Equal("077587", sent["pg_approval_code"]);
        AssertSignedFor("approve", sent);
        Assert.Equal(ApproveStatus.Process, reply.Status);
    }

    [Fact]
    public async Task ResendCode_posts_the_payment_id_to_mfs_resend_code()
    {
        using var test = new TestClient();

        var reply = await test.Client.MobileBalance.ResendCodeAsync(new ResendCodeRequest { PaymentId = 42 });

        CapturedRequest sent = test.Gateway.Single;
        Assert.Equal("/mfs/resend_code", sent.Uri.AbsolutePath);
        Assert.Equal(new[] { "pg_merchant_id", "pg_payment_id", "pg_salt", "pg_sig" }, sent.Names);
        Assert.Equal("42", sent["pg_payment_id"]);
        AssertSignedFor("resend_code", sent);
        Assert.Equal(ResultStatus.Ok, reply.Status);
    }

    [Fact]
    public async Task Status_posts_to_get_status3_php_and_reads_the_payment()
    {
        using var test = new TestClient();
        test.Gateway.Respond = r => FakeGateway.Xml(FakeGateway.SignedReply(
            "get_status3.php",
            ("pg_status", "ok"), ("pg_payment_id", "42"), ("pg_payment_status", "success"), ("pg_payment_method", "mobile_commerce"),
            ("pg_amount", "150.50"), ("pg_currency", "KZT"), ("pg_can_reject", "1"), ("pg_create_date", "2026-11-25 10:11:12")));

        var reply = await test.Client.MobileBalance.StatusAsync(new StatusRequest { PaymentId = 42, OrderId = "A-1" });

        CapturedRequest sent = test.Gateway.Single;
        Assert.Equal("/get_status3.php", sent.Uri.AbsolutePath);
        Assert.Equal(new[] { "pg_merchant_id", "pg_payment_id", "pg_order_id", "pg_salt", "pg_sig" }, sent.Names);
        AssertSignedFor("get_status3.php", sent);
        Assert.Equal(PaymentStatus.Success, reply.PaymentStatus);
        Assert.Equal("mobile_commerce", reply.PaymentMethod);
        Assert.Equal(150.50m, reply.Amount);
        Assert.Equal("KZT", reply.Currency);
        Assert.True(reply.CanReject);
        Assert.Equal(new System.DateTime(2026, 11, 25, 10, 11, 12), reply.CreateDate);
        Assert.Null(reply.PaymentDate);
        Assert.Empty(reply.RefundPayments);
    }

    [Fact]
    public async Task Every_request_gets_a_fresh_random_salt()
    {
        using var test = new TestClient();

        await test.Client.MobileBalance.StatusAsync(new StatusRequest { PaymentId = 1 });
        await test.Client.MobileBalance.StatusAsync(new StatusRequest { PaymentId = 1 });

        string[] salts = test.Gateway.Requests.Select(r => r["pg_salt"]).ToArray();
        Assert.All(salts, salt => Assert.Matches("^[A-Za-z0-9]{16}$", salt));
        Assert.NotEqual(salts[0], salts[1]);
    }

    [Fact]
    public async Task Multipart_parts_carry_only_the_field_name_and_are_utf8()
    {
        using var test = new TestClient();

        await test.Client.MobileBalance.InitAsync(new InitRequest { Amount = 1m, Description = "Қазақша \"quoted\" & <b>" });

        CapturedRequest sent = test.Gateway.Single;
        Assert.Equal("Қазақша \"quoted\" & <b>", sent["pg_description"]);
        Assert.All(sent.PartHeaders, header => Assert.Matches("^form-data; name=\"pg_[a-z_]+\"$", header));
        Assert.Contains("Қазақша", sent.BodyText);
    }

    [Fact]
    public async Task Optional_fields_that_are_not_set_are_not_sent()
    {
        using var test = new TestClient();

        await test.Client.MobileBalance.InitAsync(new InitRequest { Amount = 1m, Description = "x", OrderId = string.Empty });

        Assert.Equal(new[] { "pg_merchant_id", "pg_payment_method", "pg_amount", "pg_description", "pg_salt", "pg_sig" }, test.Gateway.Single.Names);
    }

    [Fact]
    public async Task Without_a_base_address_the_specs_default_server_is_used()
    {
        using var test = new TestClient(o => o.BaseAddress = null);

        await test.Client.MobileBalance.StatusAsync(new StatusRequest { PaymentId = 1 });

        Assert.Equal("https://api.freedompay.kz/get_status3.php", test.Gateway.Single.Uri.ToString());
    }

    [Fact]
    public async Task A_base_address_with_a_path_and_no_trailing_slash_keeps_its_path()
    {
        using var test = new TestClient(o => o.BaseAddress = new System.Uri("http://127.0.0.1:5000/sandbox"));

        await test.Client.MobileBalance.PayAsync(new PayRequest { PaymentId = 1, AbonentPhone = "77017777777" });

        Assert.Equal("http://127.0.0.1:5000/sandbox/mfs/pay", test.Gateway.Single.Uri.ToString());
    }

    private static void AssertSignedFor(string script, CapturedRequest sent)
    {
        Assert.Equal("pg_sig", sent.Names.Last());
        Assert.Equal(ReferenceSignature.Sign(script, sent.Fields, FakeGateway.Secret), sent["pg_sig"]);
    }
}
