using System;
using System.Collections.Generic;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Threading.Tasks;
using FreedomPay.Cards;
using FreedomPay.Runtime;
using FreedomPay.TestSupport;

namespace FreedomPay.Sandbox.Tests;

/// <summary>
/// The Cards area against the sandbox: a card saved on the save-card page (the browser played over HTTP here;
/// Chromium drives it in the browser tests) is listed, charged by card/init + card/direct or the CVC page,
/// and removed; each refusal answers its documented code.
/// </summary>
public sealed class SavedCardTests
{
    private const string GoodCard = "4405645000006150";
    private const string DeclinedCard = "4000000000000002";

    private static readonly HttpClient Browser = new(new SocketsHttpHandler { AllowAutoRedirect = false });

    [Fact]
    public async Task A_saved_card_is_listed_charged_twice_without_being_typed_again_and_its_result_is_posted_signed()
    {
        await using var shop = await CallbackServer.StartAsync();
        await using var f = await SandboxFixture.StartAsync();
        CardsClient cards = f.Client.Cards;
        string token = await SaveAsync(f, "user-1", GoodCard, postLink: new Uri(shop.BaseAddress, "shop/card-saved").ToString());

        ListResponse list = await cards.ListAsync(new ListRequest { UserId = "user-1", ExtendData = true });
        SavedCard card = Assert.Single(list.Card);
        Assert.Equal((token, "4405-64XX-XXXX-6150", "VISA", "12", "30"), (card.CardToken, card.CardHash, card.BrandAlias, card.ExpiryMonth, card.ExpiryYear));

        await shop.WaitForAsync(1);
        var posted = shop.Received.Single();
        CardSaved saved = CardSaved.Parse(CallbackMessage.FromFields("card-saved", posted), f.Sandbox.Merchant.SecretKey);
        Assert.Equal(("user-1", "success", token, "4405-64XX-XXXX-6150"), (saved.UserId, saved.Status, saved.CardToken, saved.CardHash));
        Assert.Equal(CallbackReplyKind.Http200, CardSaved.ReplyKind);

        var paymentIds = new List<long>();
        foreach (decimal amount in new[] { 300m, 450m })
        {
            InitResponse init = await cards.InitAsync(new InitRequest { OrderId = "O-" + amount, Amount = amount, Description = "One click", UserId = "user-1", CardToken = token });
            DirectResponse direct = await cards.DirectAsync(new DirectRequest { PaymentId = init.PaymentId });
            Assert.Equal((ResultStatus.Ok, init.PaymentId), (direct.Status, direct.PaymentId));
            paymentIds.Add(init.PaymentId);
        }

        foreach (long id in paymentIds)
        {
            Purchase.StatusResponse status = await f.Client.Purchase.StatusAsync(new Purchase.StatusRequest { PaymentId = id });
            Assert.Equal((Purchase.PaymentStatus.Success, "440564******6150"), (status.PaymentStatus, status.CardPan));
        }
    }

    [Fact]
    public async Task The_CVC_page_confirms_a_saved_card_payment_and_returns_the_buyer_to_the_shop()
    {
        await using var f = await SandboxFixture.StartAsync();
        string token = await SaveAsync(f, "user-2", GoodCard);
        InitResponse init = await f.Client.Cards.InitAsync(new InitRequest
        {
            OrderId = "C-1", Amount = 99m, Description = "With CVC", UserId = "user-2", CardToken = token, SuccessUrl = "https://shop.test/paid",
        });

        FreedomPayRedirect redirect = f.Client.Cards.CvcPage(new CvcPageRequest { PaymentId = init.PaymentId });
        Assert.Equal("GET", redirect.Method);
        Assert.Contains($"/v1/merchant/{f.Sandbox.Merchant.MerchantId}/card/pay?", redirect.Url.ToString());
        using HttpResponseMessage toPage = await Browser.GetAsync(redirect.Url);
        Assert.Equal(HttpStatusCode.Redirect, toPage.StatusCode);
        string page = toPage.Headers.Location!.ToString();
        string html = await Browser.GetStringAsync(page);
        Assert.Contains("440564******6150", html);
        Assert.DoesNotContain("name=\"pan\"", html); // only the CVC is asked for

        using HttpResponseMessage badCvc = await Post(page + "/cvc", ("cvc", "12"));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, badCvc.StatusCode);
        using HttpResponseMessage paid = await Post(page + "/cvc", ("cvc", "123"));
        Assert.StartsWith("https://shop.test/paid?pg_order_id=C-1&pg_payment_id=" + init.PaymentId, paid.Headers.Location!.ToString());
        Assert.Equal(SandboxPaymentStatus.Success, f.Sandbox.FindPayment(init.PaymentId)!.Status);

        // Once paid, the signed address no longer opens a page: a signed refusal instead.
        string again = await Browser.GetStringAsync(f.Client.Cards.CvcPage(new CvcPageRequest { PaymentId = init.PaymentId }).Url);
        Assert.Contains("<pg_error_code>1004</pg_error_code>", again);
    }

    [Fact]
    public async Task Refusals_unknown_token_removed_card_and_another_users_token()
    {
        await using var f = await SandboxFixture.StartAsync();
        CardsClient cards = f.Client.Cards;
        string token = await SaveAsync(f, "user-3", GoodCard);
        string other = await SaveAsync(f, "user-3", "4000000000003220");

        async Task<string> Refused(Func<Task> call) => (await Assert.ThrowsAsync<FreedomPayGatewayException>(call)).ErrorCode!;
        InitRequest Init(string user, string card) => new() { OrderId = "R-1", Amount = 5m, Description = "x", UserId = user, CardToken = card };

        Assert.Equal("1017", await Refused(() => cards.InitAsync(Init("user-3", "no-such-token"))));
        Assert.Equal("1017", await Refused(() => cards.InitAsync(Init("someone-else", token))));

        RemoveResponse removed = await cards.RemoveAsync(new RemoveRequest { UserId = "user-3", CardToken = token });
        Assert.Equal(("deleted", token), (removed.Card!.Status, removed.Card.CardToken));
        Assert.Equal(f.Clock.GetUtcNow(), removed.Card.DeletedAt);
        Assert.Equal("1017", await Refused(() => cards.InitAsync(Init("user-3", token))));
        Assert.Equal("1017", await Refused(() => cards.RemoveAsync(new RemoveRequest { UserId = "user-3", CardToken = token })));
        Assert.Equal(other, Assert.Single((await cards.ListAsync(new ListRequest { UserId = "user-3" })).Card).CardToken);

    }

    [Fact]
    public async Task A_declining_saved_card_fails_direct_and_direct_on_a_paid_payment_is_refused()
    {
        await using var f = await SandboxFixture.StartAsync();
        CardsClient cards = f.Client.Cards;
        string good = await SaveAsync(f, "user-4", GoodCard);
        string bad = await SaveAsync(f, "user-4", DeclinedCard);

        InitResponse declined = await cards.InitAsync(new InitRequest { OrderId = "D-1", Amount = 5m, Description = "x", UserId = "user-4", CardToken = bad });
        var error = await Assert.ThrowsAsync<FreedomPayGatewayException>(() => cards.DirectAsync(new DirectRequest { PaymentId = declined.PaymentId }));
        Assert.Equal("1011", error.ErrorCode);
        Assert.Equal(SandboxPaymentStatus.Failed, f.Sandbox.FindPayment(declined.PaymentId)!.Status);

        InitResponse paid = await cards.InitAsync(new InitRequest { OrderId = "D-2", Amount = 5m, Description = "x", UserId = "user-4", CardToken = good });
        await cards.DirectAsync(new DirectRequest { PaymentId = paid.PaymentId });
        var twice = await Assert.ThrowsAsync<FreedomPayGatewayException>(() => cards.DirectAsync(new DirectRequest { PaymentId = paid.PaymentId }));
        Assert.Equal("1004", twice.ErrorCode);
    }

    [Fact]
    public async Task Each_path_carries_the_merchant_id_from_the_options_and_another_merchants_path_is_refused()
    {
        await using var f = await SandboxFixture.StartAsync(o => o.Merchants.Add(new SandboxMerchant("777", "other-secret")));
        using FreedomPayClient other = f.NewClient("777", "other-secret");
        string mine = await SaveAsync(f, "shared-user", GoodCard);

        // The same user id at another merchant has no cards: storage is per merchant.
        Assert.Empty((await other.Cards.ListAsync(new ListRequest { UserId = "shared-user" })).Card);
        Assert.Single((await f.Client.Cards.ListAsync(new ListRequest { UserId = "shared-user" })).Card);
        var theirs = await Assert.ThrowsAsync<FreedomPayGatewayException>(() => other.Cards.InitAsync(new InitRequest { OrderId = "X", Amount = 1m, Description = "x", UserId = "shared-user", CardToken = mine }));
        Assert.Equal("1017", theirs.ErrorCode);

        // The sandbox refuses a path whose merchant id is not the signer's (1001): both calls above succeeded on their own paths.
        Assert.Contains(f.Sandbox.Requests, r => r.Operation == "Cards.List" && r.MerchantId == "777" && r.ErrorCode is null);
        using var raw = new HttpClient();
        var form = new List<KeyValuePair<string, string>> { new("pg_merchant_id", "777"), new("pg_user_id", "shared-user"), new("pg_salt", "s") };
        form.Add(new("pg_sig", ReferenceSignature.Sign("list", form, "other-secret")));
        using HttpResponseMessage response = await raw.PostAsync(new Uri(f.Sandbox.BaseAddress, $"v1/merchant/{f.Sandbox.Merchant.MerchantId}/cardstorage/list"), new FormUrlEncodedContent(form));
        string crossed = await response.Content.ReadAsStringAsync();
        Assert.Contains("<pg_error_code>1001</pg_error_code>", crossed);
    }

    /// <summary>cardstorage/add, then the card typed on its page; returns the token List shows.</summary>
    internal static async Task<string> SaveAsync(SandboxFixture f, string user, string pan, string? postLink = null)
    {
        AddResponse added = await f.Client.Cards.AddAsync(new AddRequest { UserId = user, BackLink = "https://shop.test/cards", PostLink = postLink });
        Assert.Matches("/pay/save-card/[0-9a-f]{32}$", added.RedirectUrl);
        using HttpResponseMessage saved = await Post(added.RedirectUrl + "/card", ("pan", pan), ("expiry", "12/30"), ("cvc", "123"));
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        string outcome = await Browser.GetStringAsync(added.RedirectUrl);
        Assert.Contains("https://shop.test/cards", outcome);
        return (await f.Client.Cards.ListAsync(new ListRequest { UserId = user })).Card.Last().CardToken!;
    }

    private static Task<HttpResponseMessage> Post(string url, params (string Name, string Value)[] fields) =>
        Browser.PostAsync(url, new FormUrlEncodedContent(fields.Select(x => new KeyValuePair<string, string>(x.Name, x.Value))));
}
