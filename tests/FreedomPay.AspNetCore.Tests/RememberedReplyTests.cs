using System;
using System.Collections.Generic;
using System.Linq;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using System.Xml.Linq;
using FreedomPay.TestSupport;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace FreedomPay.AspNetCore.Tests;

/// <summary>
/// Replies are remembered by what a callback says, not by its payment alone: an exact repeat gets the first answer
/// without the handler, a changed genuine notification reaches it; memory ends with the gateway's retry window and
/// is bounded in size; with a shared IDistributedCache (a real Redis) every instance of the app answers alike.
/// </summary>
public sealed class RememberedReplyTests
{
    private const string Secret = "merchant-secret";

    [Fact]
    public async Task A_changed_notification_for_the_same_payment_reaches_the_handler()
    {
        await using var merchant = await MerchantApp.StartAsync(Secret);

        XElement failed = await PostAsync(merchant.ResultUrl, Notification(paymentId: "51", result: "0", salt: "a1"));
        XElement paid = await PostAsync(merchant.ResultUrl, Notification(paymentId: "51", result: "1", salt: "a2"));

        Assert.Equal(new long[] { 0, 1 }, merchant.Handler.Results.Select(r => (long)r.Result));
        Assert.Equal("Order O-51 recorded as not paid", failed.Element("pg_description")!.Value);
        Assert.Equal("Order O-51 recorded", paid.Element("pg_description")!.Value);
    }

    [Fact]
    public async Task An_exact_repeat_with_a_fresh_salt_gets_the_first_reply_without_the_handler()
    {
        await using var merchant = await MerchantApp.StartAsync(Secret);
        merchant.Handler.ResultDecision = n => CallbackReply.Ok("decided at " + merchant.Handler.Results.Count);

        XElement first = await PostAsync(merchant.ResultUrl, Notification(paymentId: "52", result: "1", salt: "b1"));
        XElement repeat = await PostAsync(merchant.ResultUrl, Notification(paymentId: "52", result: "1", salt: "b2"));

        Assert.Single(merchant.Handler.Results);
        Assert.Equal("decided at 1", first.Element("pg_description")!.Value);
        Assert.Equal("decided at 1", repeat.Element("pg_description")!.Value);
        Signatures.AssertSigned(repeat, "result", Secret);
    }

    [Fact]
    public async Task A_reply_is_forgotten_after_the_retry_window()
    {
        var time = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var merchant = await MerchantApp.StartAsync(new FreedomPayCallbackOptions { SecretKey = Secret, RememberFor = TimeSpan.FromHours(3), TimeProvider = time });

        await PostAsync(merchant.ResultUrl, Notification(paymentId: "53", result: "1", salt: "c1"));
        time.Advance(TimeSpan.FromHours(2));
        await PostAsync(merchant.ResultUrl, Notification(paymentId: "53", result: "1", salt: "c2"));
        time.Advance(TimeSpan.FromHours(1) + TimeSpan.FromSeconds(1));
        await PostAsync(merchant.ResultUrl, Notification(paymentId: "53", result: "1", salt: "c3"));

        Assert.Equal(2, merchant.Handler.Results.Count); // the first, and the one after 3 hours
    }

    [Fact]
    public async Task The_in_memory_store_keeps_at_most_the_configured_number_of_replies()
    {
        var store = new MemoryCallbackStore(new FreedomPayCallbackOptions { SecretKey = Secret, MaxRememberedReplies = 16 });

        for (int i = 0; i < 1000; i++)
        {
            await store.CompleteAsync("key-" + i, "owner", ReplyBytes.Encode(CallbackReply.Ok()), TimeSpan.FromHours(1), CancellationToken.None);
        }

        Assert.InRange(store.Count, 1, 16);
    }

    public static TheoryData<CallbackReply> Replies() => new()
    {
        CallbackReply.Ok(), CallbackReply.Ok(string.Empty), CallbackReply.Ok("Заказ принят"), CallbackReply.Rejected("Out of stock"), CallbackReply.Error(string.Empty),
    };

    [Theory]
    [MemberData(nameof(Replies))]
    public void A_reply_kept_in_a_distributed_cache_comes_back_exactly(CallbackReply reply)
    {
        CallbackReply? back = ReplyBytes.Decode(ReplyBytes.Encode(reply));

        Assert.Equal(reply, back);
        Assert.Equal(reply.Description is null, back!.Description is null);
    }

    [Theory]
    [InlineData(new byte[0])]
    [InlineData(new byte[] { 0 })]
    [InlineData(new byte[] { 9, 0 })]
    [InlineData(new byte[] { 1, 0 })]
    [InlineData(new byte[] { 0, 7, 65 })]
    public void Bytes_that_are_not_a_stored_reply_are_ignored(byte[] stored) => Assert.Null(ReplyBytes.Decode(stored));

    [RedisFact]
    public async Task Two_instances_on_one_Redis_answer_a_repeat_alike()
    {
        await using RedisServer redis = await RedisServer.StartAsync();
        void UseRedis(IServiceCollection services) => services.AddStackExchangeRedisCache(o => o.Configuration = redis.Configuration);
        var options = new FreedomPayCallbackOptions { SecretKey = Secret };
        await using var first = await MerchantApp.StartAsync(options, UseRedis);
        await using var second = await MerchantApp.StartAsync(options, UseRedis);
        first.Handler.ResultDecision = _ => CallbackReply.Rejected("Order cancelled by the shop (instance 1)");
        second.Handler.ResultDecision = _ => CallbackReply.Ok("instance 2 would have accepted");

        XElement fromFirst = await PostAsync(first.ResultUrl, Notification(paymentId: "54", result: "1", salt: "d1"));
        XElement fromSecond = await PostAsync(second.ResultUrl, Notification(paymentId: "54", result: "1", salt: "d2"));
        XElement changed = await PostAsync(second.ResultUrl, Notification(paymentId: "54", result: "0", salt: "d3"));

        Assert.Single(first.Handler.Results);
        Assert.Single(second.Handler.Results); // only the changed one
        Assert.Equal(("rejected", "Order cancelled by the shop (instance 1)"), (fromSecond.Element("pg_status")!.Value, fromSecond.Element("pg_description")!.Value));
        Assert.Equal(fromFirst.Element("pg_description")!.Value, fromSecond.Element("pg_description")!.Value);
        Assert.Equal("instance 2 would have accepted", changed.Element("pg_description")!.Value);
        Signatures.AssertSigned(fromSecond, "result", Secret);
    }

    [RedisFact]
    public async Task When_Redis_goes_away_callbacks_are_still_answered()
    {
        RedisServer redis = await RedisServer.StartAsync();
        string configuration = redis.Configuration;
        await using var merchant = await MerchantApp.StartAsync(
            new FreedomPayCallbackOptions { SecretKey = Secret },
            services => services.AddStackExchangeRedisCache(o => o.ConfigurationOptions = StackExchange.Redis.ConfigurationOptions.Parse(configuration + ",connectTimeout=500,syncTimeout=500,abortConnect=false")));
        await PostAsync(merchant.ResultUrl, Notification(paymentId: "55", result: "1", salt: "e1"));
        await redis.DisposeAsync();

        XElement reply = await PostAsync(merchant.ResultUrl, Notification(paymentId: "56", result: "1", salt: "e2"));

        Assert.Equal("ok", reply.Element("pg_status")!.Value);
        Assert.Equal(2, merchant.Handler.Results.Count);
    }

    private static List<KeyValuePair<string, string>> Notification(string paymentId, string result, string salt) =>
        Signatures.Signed("result", Secret, ("pg_order_id", "O-" + paymentId), ("pg_payment_id", paymentId), ("pg_amount", "10"), ("pg_currency", "KZT"), ("pg_result", result), ("pg_salt", salt));

    private static async Task<XElement> PostAsync(Uri url, List<KeyValuePair<string, string>> fields)
    {
        using var http = new HttpClient();
        using HttpResponseMessage response = await http.PostAsync(url, new FormUrlEncodedContent(fields));
        response.EnsureSuccessStatusCode();
        return XDocument.Parse(await response.Content.ReadAsStringAsync()).Root!;
    }
}
