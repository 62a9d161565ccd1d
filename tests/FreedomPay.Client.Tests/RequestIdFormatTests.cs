using System;
using System.Globalization;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Text;
using System.Threading.Tasks;
using FreedomPay.Client.Tests.Infrastructure;
using FreedomPay.Runtime;

namespace FreedomPay.Client.Tests;

/// <summary>
/// Time-ordered request ids (<c>request-id-format: uuid-v7</c>, RFC 9562 §5.7), as the Gateway Async pages' examples
/// carry: the millisecond timestamp in the first 48 bits, version 7, variant 10, the rest random.
/// </summary>
public sealed class RequestIdFormatTests
{
    [Fact]
    public void A_version_7_id_carries_its_millisecond_the_version_and_the_variant_and_sorts_by_time()
    {
        var at = new DateTimeOffset(2025, 6, 20, 7, 13, 31, 68, TimeSpan.Zero);

        string id = RequestIds.NewVersion7(at);
        string later = RequestIds.NewVersion7(at.AddMilliseconds(1));

        Assert.Matches("^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$", id);
        Assert.Equal(at.ToUnixTimeMilliseconds(), long.Parse(id.Replace("-", string.Empty, StringComparison.Ordinal)[..12], NumberStyles.HexNumber, CultureInfo.InvariantCulture));
        Assert.StartsWith("01978c", id); // the docs' ids of that day start so (01978c37-a961-7d20-...)
        Assert.True(string.CompareOrdinal(id, later) < 0);
        Assert.NotEqual(RequestIds.NewVersion7(at)[14..], RequestIds.NewVersion7(at)[14..]); // the rest is random
        Assert.True(Guid.TryParse(id, out _));
    }

    [Fact]
    public async Task The_gateway_async_area_sends_version_7_ids_and_the_card_api_version_4()
    {
        using var test = new TestClient();
        test.Gateway.Respond = r => new HttpResponseMessage(HttpStatusCode.OK)
        {
            Content = new StringContent(r.Uri.AbsolutePath.Contains("g2g", StringComparison.Ordinal)
                ? """{"id":"p","status":"success"}"""
                : """{"status":"ok","request_status":"success","dt":"2025-03-01T12:05:42+05:00"}""", Encoding.UTF8, "application/json"),
        };
        DateTimeOffset before = DateTimeOffset.UtcNow;

        var read = await test.Client.GatewayAsync.ReadPaymentAsync(new GatewayAsync.ReadPaymentRequest { Id = "p" });
        var unblocked = await test.Client.CardIssuing.UnblockCardAsync(new CardIssuing.UnblockCardRequest { CardId = "c", Description = "d" });

        Assert.Equal('7', read.RequestId![14]);
        long stamp = long.Parse(read.RequestId.Replace("-", string.Empty, StringComparison.Ordinal)[..12], NumberStyles.HexNumber, CultureInfo.InvariantCulture);
        Assert.InRange(stamp, before.ToUnixTimeMilliseconds(), DateTimeOffset.UtcNow.ToUnixTimeMilliseconds());
        Assert.Equal(read.RequestId, test.Gateway.Requests.First().Header("X-Request-Id"));
        Assert.Equal('4', unblocked.RequestId![14]);
    }
}
