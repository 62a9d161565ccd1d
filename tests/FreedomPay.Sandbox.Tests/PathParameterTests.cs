using System.Collections.Generic;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using System.Xml.Linq;
using FreedomPay.Sandbox.Tests.Marketplace;
using FreedomPay.TestSupport;

namespace FreedomPay.Sandbox.Tests;

/// <summary>
/// Path parameters: <c>{merchant-id}</c> from each client's options and a request field's value, escaped, in the path
/// instead of the body; the sandbox routes by the template and checks the merchant in the path.
/// </summary>
public sealed class PathParameterTests
{
    [Fact]
    public async Task Two_merchants_each_call_their_own_path_and_the_field_moves_from_the_body_into_the_path()
    {
        await using var f = await SandboxFixture.StartAsync(o =>
        {
            o.Merchants.Add(new SandboxMerchant("11111", "second-secret"));
            o.AddArea(MarketplaceClient.Operations);
        });
        var sent = new List<(string Path, string Body)>();
        using var second = new FreedomPayClient(new HttpClient(new Recorder(sent)), new FreedomPayClientOptions
        {
            MerchantId = "11111", SecretKey = "second-secret", BaseAddress = f.Sandbox.BaseAddress,
        });

        SellerCardResponse first = await f.Client.Marketplace().SellerCardAsync(new SellerCardRequest { SellerId = 5 });
        SellerCardResponse other = await second.Marketplace().SellerCardAsync(new SellerCardRequest { SellerId = 6 });

        Assert.Equal((5L, "sandbox-card"), (first.SellerId, first.CardLabel)); // the path's value reached the sandbox as the field
        Assert.Equal(6L, other.SellerId);
        var (path, body) = Assert.Single(sent);
        Assert.Equal("/v1/merchant/11111/seller/6/card", path);
        Assert.DoesNotContain("pg_seller_id", body);
        Assert.Contains("pg_merchant_id", body);
        Assert.All(f.Sandbox.Requests, r => Assert.Equal(("Marketplace.SellerCard", "card", SignatureVerdict.Valid), (r.Operation, r.Script, r.Signature)));
    }

    [Fact]
    public async Task Another_merchants_id_in_the_path_is_refused()
    {
        await using var f = await SandboxFixture.StartAsync(o => o.AddArea(MarketplaceClient.Operations));
        var fields = new List<KeyValuePair<string, string>> { new("pg_merchant_id", f.Sandbox.Merchant.MerchantId), new("pg_salt", "s") };
        fields.Add(new("pg_sig", ReferenceSignature.Sign("card", fields, f.Sandbox.Merchant.SecretKey)));
        using var http = new HttpClient { BaseAddress = f.Sandbox.BaseAddress };

        using HttpResponseMessage response = await http.PostAsync("v1/merchant/99999/seller/5/card", new FormUrlEncodedContent(fields));
        XElement reply = XDocument.Parse(await response.Content.ReadAsStringAsync()).Root!;

        Assert.Equal("The merchant id in the path is not the merchant that signed the request.", reply.Element("pg_error_description")?.Value);
    }

    [Theory]
    [InlineData("5/../x")]
    [InlineData("5?pg_seller_id=6")]
    [InlineData("%2e%2e")]
    public async Task A_path_value_is_one_escaped_segment_and_checked_by_the_spec(string value)
    {
        await using var f = await SandboxFixture.StartAsync(o => o.AddArea(MarketplaceClient.Operations));

        XElement reply = await RawGateway.PostAsync(f, MarketplaceClient.SellerCardInfo, new Dictionary<string, string> { ["pg_seller_id"] = value });

        Assert.Equal("Field pg_seller_id must be a whole number.", reply.Element("pg_error_description")?.Value);
    }

    /// <summary>Records the path and body of each request, then passes it on.</summary>
    private sealed class Recorder(List<(string Path, string Body)> sent) : DelegatingHandler(new HttpClientHandler())
    {
        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            string body = request.Content is null ? string.Empty : await request.Content.ReadAsStringAsync(cancellationToken);
            sent.Add((request.RequestUri!.AbsolutePath, body));
            return await base.SendAsync(request, cancellationToken);
        }
    }
}
