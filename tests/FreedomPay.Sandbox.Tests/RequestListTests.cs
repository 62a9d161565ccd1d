using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading.Tasks;
using System.Xml.Linq;
using FreedomPay.Runtime;
using FreedomPay.Sandbox.Tests.Marketplace;
using FreedomPay.TestSupport;

namespace FreedomPay.Sandbox.Tests;

/// <summary>
/// Lists of items and nested objects in requests (Marketplace.Basket in Specs/marketplace.yaml): sent as bracketed
/// form fields, signed by the reference rule (checked here with the test-side implementation, not the runtime's),
/// validated item by item before sending, masked by each item's own rules, and checked again by the sandbox.
/// </summary>
public sealed class RequestListTests
{
    private static BasketLine Line(int i) => new() { Count = i + 1, Name = "Item " + i, Price = 10m + i };

    [Fact]
    public async Task Twelve_lines_and_an_object_go_out_as_bracketed_fields_signed_by_the_reference_rule()
    {
        await using var f = await SandboxFixture.StartAsync(o => o.AddArea(MarketplaceClient.Operations));
        IReadOnlyList<KeyValuePair<string, string>>? sent = null;
        f.Sandbox.Handle(MarketplaceClient.BasketInfo, call =>
        {
            sent = call.Fields;
            return call.DefaultReply();
        });

        BasketResponse reply = await f.Client.Marketplace().BasketAsync(new BasketRequest
        {
            OrderId = "B-12",
            Lines = Enumerable.Range(0, 12).Select(Line).ToArray(),
            Delivery = new Delivery { City = "Almaty", Phone = "77011234567" },
        });

        Assert.Equal("B-12", reply.OrderId);
        Assert.NotNull(sent);
        string[] names = sent!.Select(p => p.Key).ToArray();
        Assert.Equal(
            new[] { "pg_merchant_id", "pg_order_id", "pg_lines[0][count]", "pg_lines[0][name]", "pg_lines[0][price]", "pg_lines[1][count]" },
            names.Take(6));
        Assert.Equal(new[] { "pg_lines[11][price]", "pg_delivery[city]", "pg_delivery[phone]", "pg_salt", "pg_sig" }, names.Skip(names.Length - 5));
        Assert.Equal("21", sent.Single(p => p.Key == "pg_lines[11][price]").Value);
        // Item 10 is signed right after item 0 (flat names "0001", "10011", "1002", ...): only the reference order verifies.
        Assert.Equal(ReferenceSignature.Sign("basket", sent, f.Sandbox.Merchant.SecretKey), sent.Single(p => p.Key == "pg_sig").Value);
        Assert.Equal(SignatureVerdict.Valid, f.Sandbox.Requests.Single().Signature);
    }

    [Fact]
    public async Task Every_broken_item_rule_is_one_error_naming_the_item_and_nothing_is_sent()
    {
        await using var f = await SandboxFixture.StartAsync(o => o.AddArea(MarketplaceClient.Operations));

        var error = await Assert.ThrowsAsync<FreedomPayValidationException>(() => f.Client.Marketplace().BasketAsync(new BasketRequest
        {
            OrderId = "B-1",
            Lines = new BasketLine?[] { Line(0), new BasketLine { Count = 0, Name = string.Empty, Price = 1.005m }, null }!,
            Delivery = new Delivery { City = string.Empty, Phone = "7701" },
        }));
        var tooMany = await Assert.ThrowsAsync<FreedomPayValidationException>(() => f.Client.Marketplace().BasketAsync(new BasketRequest
        {
            OrderId = "B-2",
            Lines = Enumerable.Range(0, 21).Select(Line).ToArray(),
        }));
        var empty = await Assert.ThrowsAsync<FreedomPayValidationException>(() => f.Client.Marketplace().BasketAsync(new BasketRequest { OrderId = "B-3", Lines = Array.Empty<BasketLine>() }));

        Assert.Equal(
            new[]
            {
                "pg_lines[1][count] (Lines[1].Count) must be at least 1, but is 0",
                "pg_lines[1][name] (Lines[1].Name) is required and must not be empty",
                "pg_lines[1][price] (Lines[1].Price) must have at most 2 decimal places, but is 1.005",
                "pg_lines[2] (Lines[2]) is null; every item must be given",
                "pg_delivery[city] (Delivery.City) is required and must not be empty",
                "pg_delivery[phone] (Delivery.Phone) must match the pattern ^[0-9]{11}$",
            },
            error.Errors.Select(e => $"{e.WireName} ({e.MemberName}) {e.Rule}"));
        Assert.Equal("pg_lines must have at most 20 items, but has 21", Single(tooMany));
        Assert.Equal("pg_lines is required and must have at least one item", Single(empty));
        Assert.Empty(f.Sandbox.Requests);
    }

    [Fact]
    public void Items_are_shown_and_logged_with_their_own_masks()
    {
        var request = new BasketRequest
        {
            OrderId = "B-1",
            Lines = new[] { new BasketLine { Count = 1, Name = "Pad", Price = 5m, BuyerNote = "leave at the door" } },
            Delivery = new Delivery { City = "Almaty", Phone = "77011234567" },
        };
        RequestFieldTable table = MarketplaceClient.BasketInfo.Fields;

        string text = request.ToString();

        Assert.Equal("BasketRequest { pg_order_id = B-1, pg_lines[0][count] = 1, pg_lines[0][name] = Pad, pg_lines[0][price] = 5, pg_lines[0][buyer_note] = ***, pg_delivery[city] = Almaty, pg_delivery[phone] = 7701*****67 }", text);
        Assert.Equal(FieldSensitivity.Hidden, table.SensitivityOf("pg_lines[7][buyer_note]"));
        Assert.Equal(FieldSensitivity.Partial, table.SensitivityOf("pg_delivery[phone]"));
        Assert.Equal(FieldSensitivity.None, table.SensitivityOf("pg_lines[7][name]"));
        Assert.Equal(FieldSensitivity.None, table.SensitivityOf("pg_lines[x"));
        Assert.Equal(FieldSensitivity.None, table.SensitivityOf("pg_delivery]["));
    }

    [Fact]
    public async Task Tools_send_items_from_text_values()
    {
        await using var f = await SandboxFixture.StartAsync(o => o.AddArea(MarketplaceClient.Operations));
        string? secondName = null;
        f.Sandbox.Handle(MarketplaceClient.BasketInfo, call =>
        {
            secondName = call.Field("pg_lines[1][name]");
            return call.DefaultReply();
        });
        var values = new Dictionary<string, string>
        {
            ["pg_order_id"] = "B-7",
            ["pg_lines[1][count]"] = "2", ["pg_lines[1][name]"] = "Cable", ["pg_lines[1][price]"] = "3.50",
            ["pg_lines[0][count]"] = "1", ["pg_lines[0][name]"] = "Pad", ["pg_lines[0][price]"] = "5",
            ["pg_delivery[city]"] = "Astana",
        };

        FreedomPayResponse reply = await MarketplaceClient.BasketInfo.SendAsync(f.Client.Connection, values);
        var gap = await Assert.ThrowsAsync<FreedomPayValidationException>(() => MarketplaceClient.BasketInfo.SendAsync(
            f.Client.Connection, new Dictionary<string, string> { ["pg_order_id"] = "B-8", ["pg_lines[1][count]"] = "1", ["pg_lines[1][name]"] = "x", ["pg_lines[1][price]"] = "1" }));

        Assert.Equal("B-7", reply.Raw.Root.GetString("pg_order_id"));
        Assert.Equal("Cable", secondName);
        Assert.Equal("pg_lines item 0 is missing (items are numbered from 0 without gaps)", Single(gap));
    }

    [Theory]
    [InlineData("pg_lines[0][price]", "1.005", "Field pg_lines[0][price] must have at most 2 decimal places.")]
    [InlineData("pg_lines[1][count]", "abc", "Field pg_lines[1][count] must be a whole number.")]
    [InlineData("pg_lines[5][count]", "1", "Field pg_lines items must be numbered 0, 1, 2, ... without gaps.")]
    [InlineData("pg_lines[x][count]", "1", "Field pg_lines items must be numbered 0, 1, 2, ....")]
    [InlineData("pg_delivery[phone]", "12", "Field pg_delivery[phone] must match ^[0-9]{11}$.")]
    public async Task The_sandbox_checks_each_item_by_its_rules(string field, string value, string description)
    {
        await using var f = await SandboxFixture.StartAsync(o => o.AddArea(MarketplaceClient.Operations));
        Dictionary<string, string> values = SampleValues.For(MarketplaceClient.BasketInfo);
        values[field] = value;

        XElement reply = await RawGateway.PostAsync(f, MarketplaceClient.BasketInfo, values);

        Assert.Equal("1001", reply.Element("pg_error_code")?.Value);
        Assert.Equal(description, reply.Element("pg_error_description")?.Value);
    }

    [Fact]
    public async Task A_missing_required_item_field_is_refused_by_the_sandbox()
    {
        await using var f = await SandboxFixture.StartAsync(o => o.AddArea(MarketplaceClient.Operations));
        Dictionary<string, string> values = SampleValues.For(MarketplaceClient.BasketInfo);
        values.Remove("pg_lines[1][name]");

        XElement reply = await RawGateway.PostAsync(f, MarketplaceClient.BasketInfo, values);

        Assert.Equal("Field pg_lines[1][name] is required.", reply.Element("pg_error_description")?.Value);
    }

    private static string Single(FreedomPayValidationException error)
    {
        FieldError e = Assert.Single(error.Errors);
        return e.WireName + " " + e.Rule;
    }
}
