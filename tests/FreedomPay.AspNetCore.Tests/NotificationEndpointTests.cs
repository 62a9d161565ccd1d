using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using FreedomPay.Cards;
using FreedomPay.Payouts;
using FreedomPay.Sandbox;
using FreedomPay.TestSupport;
using Microsoft.Extensions.DependencyInjection;

namespace FreedomPay.AspNetCore.Tests;

/// <summary>
/// Notifications answered with plain HTTP 200 (Payout notify, the card-saved post): mapped by MapFreedomPayCallbacks
/// when a handler is registered, verified with the key their area names, and never handed over unverified.
/// </summary>
public sealed class NotificationEndpointTests
{
    private const string MainKey = "merchant-secret";
    private const string PayoutKey = "payout-secret";

    [Fact]
    public async Task The_sandboxes_card_saved_post_and_payout_notify_reach_their_handlers()
    {
        await using var sandbox = await FreedomPaySandbox.StartAsync(new FreedomPaySandboxOptions { PayoutDelay = TimeSpan.Zero });
        var options = new FreedomPayCallbackOptions { SecretKey = sandbox.Merchant.SecretKey };
        options.SecretKeys.Add("payout", sandbox.Merchant.SecretFor("payout")!);
        var handlers = new Recorded();
        await using LoopbackApp app = await StartAsync(options, handlers);
        var clientOptions = new FreedomPayClientOptions { MerchantId = sandbox.Merchant.MerchantId, SecretKey = sandbox.Merchant.SecretKey, BaseAddress = sandbox.BaseAddress };
        clientOptions.SecretKeys.Add("payout", sandbox.Merchant.SecretFor("payout")!);
        using var client = new FreedomPayClient(clientOptions);

        AddResponse added = await client.Cards.AddAsync(new AddRequest { UserId = "buyer-1", BackLink = "https://shop.test/cards", PostLink = new Uri(app.BaseAddress, "freedompay/card-saved").ToString() });
        using (var browser = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false }))
        {
            using HttpResponseMessage entered = await browser.PostAsync(added.RedirectUrl + "/card", new FormUrlEncodedContent(new Dictionary<string, string> { ["pan"] = "4405645000006150", ["expiry"] = "12/30", ["cvc"] = "123" }));
            Assert.Equal(HttpStatusCode.Redirect, entered.StatusCode);
        }

        CardSaved saved = await handlers.CardsSaved.FirstAsync();
        string token = (await client.Cards.ListAsync(new ListRequest { UserId = "buyer-1" })).Card.Single().CardToken!;
        Assert.Equal((added.PaymentId, "buyer-1", token), (saved.PaymentId, saved.UserId, saved.CardToken));

        InitResponse init = await client.Cards.InitAsync(new InitRequest { OrderId = "IN-1", Amount = 300m, Description = "Pay-in", UserId = "buyer-1", CardToken = token });
        await client.Cards.DirectAsync(new DirectRequest { PaymentId = init.PaymentId });
        ToSavedCardResponse payout = await client.Payouts.ToSavedCardAsync(new ToSavedCardRequest
        {
            OrderId = "P-1", Amount = 120m, Description = "Refund by transfer", OrderTimeLimit = new DateTime(2030, 1, 1),
            UserId = "buyer-1", CardTokenTo = token, PostLink = new Uri(app.BaseAddress, "freedompay/payout").ToString(),
        });

        PayoutNotification notified = await handlers.Payouts.FirstAsync();
        Assert.Equal((payout.PaymentId, "P-1", (ResultStatus?)ResultStatus.Ok, (decimal?)180m), (notified.PaymentId, notified.OrderId, notified.Status, notified.Balance));
        await WaitUntilAsync(() => sandbox.ResultDeliveries.SingleOrDefault(d => d.PaymentId == payout.PaymentId)?.Delivered == true);
        Assert.Equal(200, sandbox.ResultDeliveries.Single(d => d.PaymentId == payout.PaymentId).Attempts.Single().HttpStatus);
    }

    [Fact]
    public async Task A_payout_notify_signed_with_the_main_key_or_changed_after_signing_is_refused_with_400()
    {
        var handlers = new Recorded();
        await using LoopbackApp app = await StartAsync(Options(), handlers);
        var url = new Uri(app.BaseAddress, "freedompay/payout");
        (string, string)[] fields = { ("pg_payment_id", "77"), ("pg_order_id", "P-9"), ("pg_merchant_id", "555"), ("pg_status", "ok"), ("pg_payment_amount", "10"), ("pg_salt", "s1") };

        var withMainKey = Signatures.Signed("payout", MainKey, fields);
        var changed = Signatures.Signed("payout", PayoutKey, fields);
        changed[4] = new("pg_payment_amount", "10000");
        var unparsable = Signatures.Signed("payout", PayoutKey, ("pg_payment_id", "not-a-number"), ("pg_merchant_id", "555"), ("pg_salt", "s2"));
        var good = Signatures.Signed("payout", PayoutKey, fields);

        Assert.Equal(HttpStatusCode.BadRequest, await PostAsync(url, withMainKey));
        Assert.Equal(HttpStatusCode.BadRequest, await PostAsync(url, changed));
        Assert.Equal(HttpStatusCode.BadRequest, await PostAsync(url, unparsable));
        Assert.Empty(handlers.Payouts.Received);
        Assert.Equal(HttpStatusCode.OK, await PostAsync(url, good));
        Assert.Equal(77L, Assert.Single(handlers.Payouts.Received).PaymentId);
    }

    [Fact]
    public async Task A_handler_that_throws_answers_500_so_that_the_gateway_posts_again()
    {
        var handlers = new Recorded { Fail = true };
        await using LoopbackApp app = await StartAsync(Options(), handlers);

        var fields = Signatures.Signed("payout", PayoutKey, ("pg_payment_id", "78"), ("pg_merchant_id", "555"), ("pg_salt", "s3"));

        Assert.Equal(HttpStatusCode.InternalServerError, await PostAsync(new Uri(app.BaseAddress, "freedompay/payout"), fields));
        Assert.Single(handlers.Payouts.Received);
    }

    [Fact]
    public async Task Repeats_of_a_payout_notify_reach_the_handler_once_and_a_changed_one_reaches_it_again()
    {
        var handlers = new Recorded();
        await using LoopbackApp app = await StartAsync(Options(), handlers);
        var url = new Uri(app.BaseAddress, "freedompay/payout");
        List<KeyValuePair<string, string>> Notify(string status, string salt) =>
            Signatures.Signed("payout", PayoutKey, ("pg_payment_id", "79"), ("pg_order_id", "P-79"), ("pg_merchant_id", "555"), ("pg_status", status), ("pg_salt", salt));

        HttpStatusCode[] first = await Task.WhenAll(Enumerable.Range(0, 8).Select(i => PostAsync(url, Notify("ok", "r" + i))));
        HttpStatusCode later = await PostAsync(url, Notify("ok", "r-later"));
        HttpStatusCode changed = await PostAsync(url, Notify("error", "r-changed"));

        Assert.All(first.Append(later).Append(changed), status => Assert.Equal(HttpStatusCode.OK, status));
        Assert.Equal(2, handlers.Payouts.Received.Count);
    }

    [Fact]
    public async Task Without_a_registered_handler_nothing_is_mapped_and_a_missing_payout_key_fails_at_start_up()
    {
        await using (LoopbackApp bare = await LoopbackApp.StartAsync(a => a.MapFreedomPayCallbacks("/freedompay", Options()), s => s.AddSingleton<IFreedomPayCallbackHandler, RecordingHandler>()))
        {
            Assert.Equal(HttpStatusCode.NotFound, await PostAsync(new Uri(bare.BaseAddress, "freedompay/payout"), Signatures.Signed("payout", PayoutKey, ("pg_payment_id", "1"))));
        }

        var noPayoutKey = new FreedomPayCallbackOptions { SecretKey = MainKey };
        var error = await Assert.ThrowsAsync<ArgumentException>(() => StartAsync(noPayoutKey, new Recorded()));
        Assert.Contains("SecretKeys[\"payout\"]", error.Message);
        Assert.DoesNotContain(MainKey, error.Message);
    }

    private static FreedomPayCallbackOptions Options()
    {
        var options = new FreedomPayCallbackOptions { SecretKey = MainKey };
        options.SecretKeys.Add("payout", PayoutKey);
        return options;
    }

    private static Task<LoopbackApp> StartAsync(FreedomPayCallbackOptions options, Recorded handlers) =>
        LoopbackApp.StartAsync(
            app => app.MapFreedomPayCallbacks("/freedompay", options),
            s => s.AddSingleton<IFreedomPayCallbackHandler, RecordingHandler>()
                .AddSingleton<IFreedomPayNotificationHandler<PayoutNotification>>(handlers.Payouts)
                .AddSingleton<IFreedomPayNotificationHandler<CardSaved>>(handlers.CardsSaved));

    private static async Task<HttpStatusCode> PostAsync(Uri url, IEnumerable<KeyValuePair<string, string>> fields)
    {
        using var http = new HttpClient();
        using HttpResponseMessage response = await http.PostAsync(url, new FormUrlEncodedContent(fields));
        return response.StatusCode;
    }

    private static async Task WaitUntilAsync(Func<bool> condition)
    {
        for (int i = 0; i < 500 && !condition(); i++)
        {
            await Task.Delay(20);
        }

        Assert.True(condition());
    }

    /// <summary>The shop's notification handlers: they record what they are given (and may throw, as a broken shop does).</summary>
    private sealed class Recorded
    {
        public bool Fail { get; init; }

        public Handler<PayoutNotification> Payouts => _payouts ??= new Handler<PayoutNotification>(this);

        public Handler<CardSaved> CardsSaved => _cards ??= new Handler<CardSaved>(this);

        private Handler<PayoutNotification>? _payouts;
        private Handler<CardSaved>? _cards;

        public sealed class Handler<T>(Recorded owner) : IFreedomPayNotificationHandler<T>
            where T : FreedomPay.Runtime.FreedomPayCallback
        {
            private readonly TaskCompletionSource<T> _first = new(TaskCreationOptions.RunContinuationsAsynchronously);

            public ConcurrentQueue<T> Received { get; } = new();

            public Task<T> FirstAsync() => _first.Task.WaitAsync(TimeSpan.FromSeconds(20));

            public Task OnNotificationAsync(T notification, CancellationToken cancellationToken)
            {
                Received.Enqueue(notification);
                _first.TrySetResult(notification);
                return owner.Fail ? throw new InvalidOperationException("The shop's database is down.") : Task.CompletedTask;
            }
        }
    }
}
