using System;
using System.Collections.Generic;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Threading.Tasks;
using System.Xml.Linq;
using FreedomPay.MobileBalance;
using FreedomPay.Runtime;
using FreedomPay.Sandbox.Tests.Marketplace;

namespace FreedomPay.Sandbox.Tests;

/// <summary>
/// The default emulation: any operation a spec describes, the packaged ones and an area of the test's own
/// (Specs/marketplace.yaml), answered from its description with the merchant, signature and field rules checked.
/// </summary>
public sealed class DefaultEmulationTests
{
    public static TheoryData<string> PackagedOperations() => new(MobileBalanceClient.Operations.Select(o => o.Descriptor.Name));

    public static TheoryData<string, string> RequiredFields()
    {
        var data = new TheoryData<string, string>();
        foreach (OperationInfo operation in MobileBalanceClient.Operations.Concat(MarketplaceClient.Operations))
        {
            // A path parameter cannot be left out: without it the path is another one.
            foreach (RequestField field in operation.Fields.CallerFields.Where(f => f.Required && !operation.Descriptor.Path.Contains("{" + f.WireName + "}")))
            {
                data.Add(operation.Descriptor.DisplayName, field.WireName);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(PackagedOperations))]
    public async Task Every_packaged_operation_gets_a_signed_reply_the_client_accepts(string name)
    {
        await using var f = await SandboxFixture.StartAsync();
        OperationInfo operation = MobileBalanceClient.Operations.Single(o => o.Descriptor.Name == name);
        f.Sandbox.Handle(operation, call => call.DefaultReply());

        FreedomPayResponse response = await operation.SendAsync(f.Client.Connection, SampleValues.For(operation));

        Assert.Equal(name + "Response", response.GetType().Name);
        Assert.Equal("ok", response.Raw.Root.GetString("pg_status"));
        foreach (ReplyElement element in operation.Descriptor.Reply)
        {
            Assert.NotNull(response.Raw.Root.Find(element.Name)); // optional elements too: the client reads every type
        }

        SandboxRequest logged = f.Sandbox.Requests.Single();
        Assert.Equal(("MobileBalance." + name, SignatureVerdict.Valid, "ok"), (logged.Operation, logged.Signature, logged.Status));
    }

    /// <summary>Every packaged operation that makes a call (redirects send nothing), by display name.</summary>
    public static TheoryData<string> EveryPackagedCall() => new(AllPackaged().Select(o => o.Descriptor.DisplayName));

    [Theory]
    [MemberData(nameof(EveryPackagedCall))]
    public async Task Every_packaged_operations_default_reply_keeps_the_spec_s_own_reply_rules(string displayName)
    {
        await using var f = await SandboxFixture.StartAsync();
        OperationInfo operation = AllPackaged().Single(o => o.Descriptor.DisplayName == displayName);
        f.Sandbox.Handle(operation, call => call.DefaultReply());

        // The typed reply reads every described element in its kind and format, or throws.
        FreedomPayResponse response = await operation.SendAsync(f.Client.Connection, SampleValues.For(operation));

        var leaves = Leaves(operation.Descriptor.Reply, response.Raw.Root).ToList();
        Assert.NotEmpty(leaves);
        foreach ((ReplyElement element, PgElement value) in leaves)
        {
            Assert.False(value.Value.Length == 0 || value.Value == "sandbox", $"{displayName}: <{element.Name}> is '{value.Value}'");
            Assert.True(element.Kind != ReplyElementKind.Enum || element.AllowedValues.Contains(value.Value), $"{displayName}: <{element.Name}> is '{value.Value}', not one of its values");
        }
    }

    /// <summary>Every described leaf element of a reply with the element that carries it, at any depth (no recursion).</summary>
    private static IEnumerable<(ReplyElement Element, PgElement Value)> Leaves(IReadOnlyList<ReplyElement> shape, PgElement root)
    {
        var pending = new Stack<(IReadOnlyList<ReplyElement> Shape, PgElement Element)>();
        pending.Push((shape, root));
        while (pending.Count > 0)
        {
            (IReadOnlyList<ReplyElement> entries, PgElement element) = pending.Pop();
            foreach (PgElement child in element.Children)
            {
                ReplyElement? entry = entries.FirstOrDefault(e => e.Name == child.Name);
                if (entry is null)
                {
                    continue;
                }

                if (entry.Children.Count > 0)
                {
                    pending.Push((entry.Children, child));
                }
                else
                {
                    yield return (entry, child);
                }
            }
        }
    }

    private static IEnumerable<OperationInfo> AllPackaged() => MobileBalanceClient.Operations
        .Concat(FreedomPay.Purchase.PurchaseClient.Operations).Concat(FreedomPay.Cards.CardsClient.Operations).Concat(FreedomPay.Payouts.PayoutsClient.Operations)
        .Concat(FreedomPay.Invoice.InvoiceClient.Operations).Concat(FreedomPay.GatewayAsync.GatewayAsyncClient.Operations).Concat(FreedomPay.GatewayPayments.GatewayPaymentsClient.Operations)
        .Concat(FreedomPay.GatewayCards.GatewayCardsClient.Operations).Concat(FreedomPay.GatewayTransfers.GatewayTransfersClient.Operations)
        .Concat(FreedomPay.GatewayPayouts.GatewayPayoutsClient.Operations).Concat(FreedomPay.CardIssuing.CardIssuingClient.Operations)
        .Concat(FreedomPay.Partner.PartnerClient.Operations);

    [Theory]
    [InlineData("GatewayPayments.Pay")]
    [InlineData("GatewayPayments.PayByToken")]
    [InlineData("GatewayPayments.PayWithApplePay")]
    [InlineData("GatewayPayments.PayWithGooglePay")]
    public async Task Operations_that_share_a_path_are_told_apart_by_their_request(string displayName)
    {
        // g2g/payment is a card payment, a token payment, Apple Pay or Google Pay, by the fields the request carries:
        // each reaches its own operation (whose own checks may then refuse the sample token or cryptogram).
        await using var f = await SandboxFixture.StartAsync();
        OperationInfo operation = AllPackaged().Single(o => o.Descriptor.DisplayName == displayName);

        try
        {
            await operation.SendAsync(f.Client.Connection, SampleValues.For(operation));
        }
        catch (FreedomPayGatewayException refused)
        {
            Assert.DoesNotContain("is required", refused.Message); // never another operation's field rules
        }

        Assert.Equal(displayName, Assert.Single(f.Sandbox.Requests).Operation);
    }

    [Fact]
    public async Task The_sandbox_serves_every_packaged_operation_without_being_told()
    {
        await using var f = await SandboxFixture.StartAsync();

        // By path: Purchase's Init and Status share init_payment.php and get_status3.php with Mobile balance, whose
        // stateful routes serve them (one script on the gateway too); get_status2.php (Payouts' StatusByOrder) is
        // served for the merchant's key and the payout key alike, by a route of its own.
        var packaged = AllPackaged();
        Assert.Equal(
            packaged.Select(o => o.Descriptor.Path).Where(p => p != "get_status2.php").Distinct().Order(),
            f.Sandbox.Operations.Select(o => o.Descriptor.Path).Distinct().Order());
        // g2g/payment is four operations (card, token, Apple Pay, Google Pay): each is served, told apart by its request.
        Assert.Equal(
            new[] { "GatewayPayments.Pay", "GatewayPayments.PayByToken", "GatewayPayments.PayWithApplePay", "GatewayPayments.PayWithGooglePay" },
            f.Sandbox.Operations.Where(o => o.Descriptor.Path.TrimStart('/') == "g2g/payment").Select(o => o.Descriptor.DisplayName).Order());
        // v5/g2g/read and v5/g2g/edit are three each, told apart by X-Action.
        Assert.Equal(
            FreedomPay.GatewayAsync.GatewayAsyncClient.Operations.Select(o => o.Descriptor.DisplayName).Order(),
            f.Sandbox.Operations.Where(o => o.Descriptor.Path.TrimStart('/').StartsWith("v5/g2g/", StringComparison.Ordinal)).Select(o => o.Descriptor.DisplayName).Order());
    }

    [Fact]
    public async Task The_default_status_reply_echoes_the_request_and_fills_lists_with_two_items()
    {
        await using var f = await SandboxFixture.StartAsync();
        f.Sandbox.Handle(MobileBalanceClient.StatusInfo, call => call.DefaultReply());

        StatusResponse status = await f.Mobile.StatusAsync(new StatusRequest { PaymentId = 4242, OrderId = "ORD-5" });

        Assert.Equal((4242L, "ORD-5"), (status.PaymentId, status.OrderId));
        Assert.Equal(PaymentStatus.New, status.PaymentStatus); // the first enum value
        Assert.Equal(new DateTime(2026, 11, 25, 17, 0, 0), status.CreateDate); // the fake clock, in the gateway's UTC+5
        Assert.Equal(2, status.RefundPayments.Count);
        Assert.NotEqual(status.RefundPayments[0].PaymentId, status.RefundPayments[1].PaymentId); // new ids, never reused
    }

    [Fact]
    public async Task A_consumer_area_is_served_from_its_description_with_no_emulation_code()
    {
        await using var f = await SandboxFixture.StartAsync(o => o.AddArea(MarketplaceClient.Operations));

        SettlementsResponse settlements = await f.Client.Marketplace().SettlementsAsync(new SettlementsRequest
        {
            OrderId = "ORD-7", Amount = 12.5m, Channel = SaleChannel.App,
        });
        SellerResponse seller = await f.Client.Marketplace().SellerAsync(new SellerRequest { SellerId = 5 });

        Assert.Equal((MarketStatus.Ok, "ORD-7", 12.5m, SaleChannel.App), (settlements.Status, settlements.OrderId, settlements.Amount, settlements.Channel));
        Assert.Equal(2, settlements.Settlement.Count); // a repeated object
        Assert.Equal(new[] { "sandbox-tag", "sandbox-tag" }, settlements.Tag); // the spec's example, repeated
        Assert.Equal(("Aigerim's shop", "Almaty"), (seller.Seller.Name, seller.Seller.Address?.City)); // nested groups
        Assert.Equal(SellerRating.Gold, seller.Seller.Rating);
        Assert.True(seller.PaymentId > 0);
        Assert.Equal(2, seller.History.Count); // a wrapped list of values
        Assert.Contains(MarketplaceClient.SellerInfo, f.Sandbox.Operations);
        Assert.Equal(new[] { "Marketplace.Settlements", "Marketplace.Seller" }, f.Sandbox.Requests.Select(r => r.Operation));
    }

    [Theory]
    [MemberData(nameof(RequiredFields))]
    public async Task Every_required_field_left_out_is_refused_naming_it(string operationName, string field)
    {
        await using var f = await SandboxFixture.StartAsync(o => o.AddArea(MarketplaceClient.Operations));
        OperationInfo operation = MobileBalanceClient.Operations.Concat(MarketplaceClient.Operations).Single(o => o.Descriptor.DisplayName == operationName);
        f.Sandbox.Handle(operation, call => call.DefaultReply());

        XElement reply = await RawGateway.PostAsync(f, operation, SampleValues.For(operation, include: other => other.WireName != field));

        Assert.Equal("1001", reply.Element("pg_error_code")?.Value);
        Assert.Equal($"Field {field} is required.", reply.Element("pg_error_description")?.Value);
        Assert.True(RawGateway.IsSigned(reply, operation, f.Sandbox.Merchant));
    }

    [Theory]
    [InlineData("pg_seller_id", "abc", "Field pg_seller_id must be a whole number.")]
    [InlineData("pg_seller_id", "0", "Field pg_seller_id must be at least 1.")]
    [InlineData("pg_phone", "7701", "Field pg_phone must match ^[0-9]{11}$.")]
    public async Task A_malformed_field_is_refused_naming_the_field_and_the_rule(string field, string value, string description)
    {
        await using var f = await SandboxFixture.StartAsync(o => o.AddArea(MarketplaceClient.Operations));
        Dictionary<string, string> values = SampleValues.For(MarketplaceClient.SellerInfo);
        values[field] = value;

        XElement reply = await RawGateway.PostAsync(f, MarketplaceClient.SellerInfo, values);

        Assert.Equal(("1001", description), (reply.Element("pg_error_code")?.Value, reply.Element("pg_error_description")?.Value));
    }

    [Fact]
    public async Task An_amount_finer_than_its_scale_is_refused_by_the_client_and_by_the_sandbox()
    {
        await using var f = await SandboxFixture.StartAsync(o => o.AddArea(MarketplaceClient.Operations));
        Dictionary<string, string> values = SampleValues.For(MarketplaceClient.SettlementsInfo);
        values["pg_amount"] = "1.005";

        var refused = await Assert.ThrowsAsync<FreedomPayValidationException>(() => f.Client.Marketplace().SettlementsAsync(new SettlementsRequest { OrderId = "S-1", Amount = 1.005m }));
        XElement reply = await RawGateway.PostAsync(f, MarketplaceClient.SettlementsInfo, values);
        SettlementsResponse exact = await f.Client.Marketplace().SettlementsAsync(new SettlementsRequest { OrderId = "S-1", Amount = 1.50m });

        FieldError error = Assert.Single(refused.Errors);
        Assert.Equal(("pg_amount", "must have at most 2 decimal places, but is 1.005"), (error.WireName, error.Rule));
        Assert.Equal(2, f.Sandbox.Requests.Count); // the raw request and the exact one: the refused call sent nothing
        Assert.Equal("Field pg_amount must have at most 2 decimal places.", reply.Element("pg_error_description")?.Value);
        Assert.Equal(1.50m, exact.Amount);
    }

    [Fact]
    public async Task Date_times_with_offset_go_out_and_come_back_with_their_offset()
    {
        await using var f = await SandboxFixture.StartAsync(o => o.AddArea(MarketplaceClient.Operations));
        string? sent = null;
        f.Sandbox.Handle(MarketplaceClient.SettlementsInfo, call =>
        {
            sent = call.Field("pg_until");
            return call.DefaultReply();
        });
        Dictionary<string, string> values = SampleValues.For(MarketplaceClient.SettlementsInfo);
        values["pg_until"] = "2026-11-25 12:30:00";

        SettlementsResponse reply = await f.Client.Marketplace().SettlementsAsync(new SettlementsRequest
        {
            OrderId = "T-1", Until = new DateTimeOffset(2026, 11, 25, 12, 30, 0, TimeSpan.FromHours(3)),
        });
        XElement malformed = await RawGateway.PostAsync(f, MarketplaceClient.SettlementsInfo, values);

        Assert.Equal("2026-11-25T12:30:00+03:00", sent);
        // The sandbox's clock (12:00 UTC) in the gateway's zone, offset kept.
        Assert.Equal(new DateTimeOffset(2026, 11, 25, 17, 0, 0, TimeSpan.FromHours(5)), reply.Settlement[0].SettledAt);
        Assert.Equal(TimeSpan.FromHours(5), reply.Settlement[0].SettledAt!.Value.Offset);
        Assert.Equal("Field pg_until must be a date-time with offset in the format yyyy-MM-dd'T'HH:mm:sszzz.", malformed.Element("pg_error_description")?.Value);
    }

    [Fact]
    public async Task A_one_of_group_and_a_required_unless_rule_are_one_error_each_before_anything_is_sent()
    {
        await using var f = await SandboxFixture.StartAsync(o => o.AddArea(MarketplaceClient.Operations));
        MarketplaceClient market = f.Client.Marketplace();

        var none = await Assert.ThrowsAsync<FreedomPayValidationException>(() => market.PayoutAsync(new PayoutRequest { Amount = 10m }));
        var two = await Assert.ThrowsAsync<FreedomPayValidationException>(() => market.PayoutAsync(new PayoutRequest { Amount = 10m, CardToken = "tok", CardId = 7 }));
        var noBik = await Assert.ThrowsAsync<FreedomPayValidationException>(() => market.PayoutAsync(new PayoutRequest { Amount = 10m, Iban = "KZ12" }));
        PayoutResponse byCard = await market.PayoutAsync(new PayoutRequest { Amount = 10m, CardId = 7 });
        PayoutResponse byIban = await market.PayoutAsync(new PayoutRequest { Amount = 10m, Iban = "KZ12", BankBik = "KZZSAE" });

        // With nothing given both rules are broken: the group is one error, the BIK rule another.
        Assert.Equal(2, none.Errors.Count);
        FieldError error = none.Errors[0];
        Assert.Equal(("pg_card_token or pg_card_id or pg_iban", "CardToken or CardId or Iban", "exactly one must be given, but none was"), (error.WireName, error.MemberName, error.Rule));
        Assert.Equal("exactly one must be given, but 2 were", Assert.Single(two.Errors).Rule);
        Assert.Equal(("pg_bank_bik", "is required unless pg_card_token (CardToken) or pg_card_id (CardId) is given"), (Assert.Single(noBik.Errors).WireName, noBik.Errors[0].Rule));
        Assert.Equal((MarketStatus.Ok, MarketStatus.Ok), (byCard.Status, byIban.Status));
        Assert.Equal(2, f.Sandbox.Requests.Count); // the refused calls sent nothing
    }

    [Fact]
    public async Task The_merchants_own_parameters_are_sent_and_signed_and_bad_names_refused_before_sending()
    {
        await using var f = await SandboxFixture.StartAsync(o => o.AddArea(MarketplaceClient.Operations));
        string? received = null;
        f.Sandbox.Handle(MarketplaceClient.PayoutInfo, call =>
        {
            received = call.Field("shop_order");
            return call.DefaultReply();
        });
        MarketplaceClient market = f.Client.Marketplace();
        var tooMany = Enumerable.Range(0, 65).ToDictionary(i => "p" + i, i => "v");

        PayoutResponse paid = await market.PayoutAsync(new PayoutRequest { Amount = 10m, CardId = 7, ExtraParams = new Dictionary<string, string> { ["shop_order"] = "A-1" } });
        var bad = await Assert.ThrowsAsync<FreedomPayValidationException>(() => market.PayoutAsync(new PayoutRequest
        {
            Amount = 10m, CardId = 7, ExtraParams = new Dictionary<string, string> { ["pg_extra"] = "x", ["my field"] = "x", ["ok_name"] = "x", ["shop.order"] = "x", ["1st"] = "x", ["a[0]"] = "x" },
        }));
        var many = await Assert.ThrowsAsync<FreedomPayValidationException>(() => market.PayoutAsync(new PayoutRequest { Amount = 10m, CardId = 7, ExtraParams = tooMany }));

        Assert.Equal("A-1", received); // the sandbox verified the signature over it first
        Assert.Equal(MarketStatus.Ok, paid.Status);
        const string NameRule = "must start with a letter and go on with letters, digits, '_' and '-' only";
        Assert.Equal(
            new[] { "pg_extra must not start with pg_ (those names are the gateway's)", "my field " + NameRule, "shop.order " + NameRule, "1st " + NameRule, "a[0] " + NameRule },
            bad.Errors.Select(e => e.WireName + " " + e.Rule));
        Assert.Equal("must have at most 64 entries, but has 65", Assert.Single(many.Errors).Rule);
        Assert.Single(f.Sandbox.Requests); // the refused calls sent nothing
        Assert.Contains("extra = [shop_order]", new PayoutRequest { Amount = 1m, ExtraParams = new Dictionary<string, string> { ["shop_order"] = "secret-ish" } }.ToString());
        Assert.DoesNotContain("secret-ish", new PayoutRequest { Amount = 1m, ExtraParams = new Dictionary<string, string> { ["shop_order"] = "secret-ish" } }.ToString());
    }

    [Fact]
    public async Task The_sandbox_checks_the_groups_too()
    {
        await using var f = await SandboxFixture.StartAsync(o => o.AddArea(MarketplaceClient.Operations));
        Dictionary<string, string> two = SampleValues.For(MarketplaceClient.PayoutInfo);
        two["pg_card_id"] = "7";
        Dictionary<string, string> iban = SampleValues.For(MarketplaceClient.PayoutInfo, include: field => field.WireName != "pg_bank_bik");
        iban.Remove("pg_card_token");
        iban["pg_iban"] = "KZ12";

        XElement twoReply = await RawGateway.PostAsync(f, MarketplaceClient.PayoutInfo, two);
        XElement ibanReply = await RawGateway.PostAsync(f, MarketplaceClient.PayoutInfo, iban);

        Assert.Equal("Fields pg_card_token, pg_card_id, pg_iban: exactly one must be given, but 2 were.", twoReply.Element("pg_error_description")?.Value);
        Assert.Equal("Field pg_bank_bik is required unless pg_card_token or pg_card_id is given.", ibanReply.Element("pg_error_description")?.Value);
    }

    [Fact]
    public async Task A_wrong_signature_or_an_unknown_merchant_is_refused_for_any_described_operation()
    {
        await using var f = await SandboxFixture.StartAsync(o => o.AddArea(MarketplaceClient.Operations));
        Dictionary<string, string> values = SampleValues.For(MarketplaceClient.SettlementsInfo);

        XElement wrong = await RawGateway.PostAsync(f, MarketplaceClient.SettlementsInfo, values, secret: "not-the-secret");
        XElement stranger = await RawGateway.PostAsync(f, MarketplaceClient.SettlementsInfo, values, merchantId: "99999");

        Assert.Equal("1002", wrong.Element("pg_error_code")?.Value);
        Assert.Equal("101", stranger.Element("pg_error_code")?.Value);
        Assert.Null(stranger.Element("pg_sig"));
        Assert.Equal(new[] { SignatureVerdict.Invalid, SignatureVerdict.UnknownMerchant }, f.Sandbox.Requests.Select(r => r.Signature));
    }

    [Fact]
    public async Task A_handler_scripts_the_gateway_on_top_of_the_default_reply()
    {
        await using var f = await SandboxFixture.StartAsync(o => o.AddArea(MarketplaceClient.Operations));
        f.Sandbox.Handle(MarketplaceClient.SellerInfo, call =>
        {
            if (call.Field("pg_seller_id") == "13")
            {
                return SandboxReply.Error(2001, "Seller 13 is blocked.");
            }

            SandboxReply reply = call.DefaultReply();
            reply.Group("pg_seller")!.Set("pg_name", $"Seller {call.Field("pg_seller_id")} of merchant {call.Merchant.MerchantId}, {call.Sandbox.Payments.Count} payments");
            return reply;
        });

        SellerResponse seller = await f.Client.Marketplace().SellerAsync(new SellerRequest { SellerId = 7 });
        var blocked = await Assert.ThrowsAsync<FreedomPayGatewayException>(() => f.Client.Marketplace().SellerAsync(new SellerRequest { SellerId = 13 }));

        Assert.Equal($"Seller 7 of merchant {f.Sandbox.Merchant.MerchantId}, 0 payments", seller.Seller.Name);
        Assert.Equal(("2001", "Seller 13 is blocked.", true), (blocked.ErrorCode, blocked.ErrorDescription, blocked.IsSigned));
    }

    [Fact]
    public async Task Faults_apply_to_any_described_operation()
    {
        await using var f = await SandboxFixture.StartAsync(o => o.AddArea(MarketplaceClient.Operations));
        f.Sandbox.Faults.Add(MarketplaceClient.SellerInfo, SandboxFault.WrongSignature());

        // Seller is not safe to retry: a reply that cannot be trusted leaves its outcome unknown, with the reason inside.
        var unknown = await Assert.ThrowsAsync<FreedomPayOutcomeUnknownException>(() => f.Client.Marketplace().SellerAsync(new SellerRequest { SellerId = 5 }));
        Assert.IsType<FreedomPaySignatureException>(unknown.InnerException);
        SellerResponse next = await f.Client.Marketplace().SellerAsync(new SellerRequest { SellerId = 5 });

        Assert.Equal("Aigerim's shop", next.Seller.Name);
    }

    [Fact]
    public async Task A_path_no_area_describes_is_not_found()
    {
        await using var f = await SandboxFixture.StartAsync();
        using var http = new HttpClient { BaseAddress = f.Sandbox.BaseAddress };

        using HttpResponseMessage response = await http.PostAsync("marketplace/seller", new FormUrlEncodedContent(new Dictionary<string, string>()));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }
}
