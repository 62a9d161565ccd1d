using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Linq;
using System.Net.Http;
using System.Text.RegularExpressions;
using System.Threading;
using System.Threading.Tasks;
using FreedomPay.MobileBalance;
using FreedomPay.TestSupport;

namespace FreedomPay.Sandbox.Tests;

/// <summary>
/// Everything the client says about a full flow (logs, traces, metrics, exception messages, ToString) is captured
/// and searched for the secret key, every signature, the SMS codes and the full phone number: none may appear.
/// </summary>
public sealed class TelemetryTests
{
    private const string Phone = "77017777777";

    [Fact]
    public async Task Logs_traces_metrics_and_messages_of_a_full_flow_never_contain_secrets()
    {
        await using var sandbox = await FreedomPaySandbox.StartAsync();
        var logs = new CapturingLoggerFactory();
        var text = new ConcurrentQueue<string>();
        using var activities = Listen(text);
        using var meters = ListenToMeters(text);
        var wire = new WireRecorder(new HttpClientHandler());
        using var client = new FreedomPayClient(new HttpClient(wire), new FreedomPayClientOptions
        {
            MerchantId = sandbox.Merchant.MerchantId, SecretKey = sandbox.Merchant.SecretKey, BaseAddress = sandbox.BaseAddress, LoggerFactory = logs,
        });
        MobileBalanceClient mobile = client.MobileBalance;

        InitResponse init = await mobile.InitAsync(new InitRequest { Amount = 10m, Description = "Telemetry", UserPhone = Phone });
        PayResponse pay = await mobile.PayAsync(new PayRequest { PaymentId = init.PaymentId, AbonentPhone = Phone });
        string code = sandbox.Sms.LastCodeFor(init.PaymentId)!;
        var wrongCode = await Assert.ThrowsAsync<FreedomPayGatewayException>(() => mobile.ApproveAsync(new ApproveRequest { PaymentId = init.PaymentId, ApprovalCode = "000000" }));
        ApproveResponse approve = await mobile.ApproveAsync(new ApproveRequest { PaymentId = init.PaymentId, ApprovalCode = code });
        StatusResponse status = await mobile.StatusAsync(new StatusRequest { PaymentId = init.PaymentId });
        long second = (await mobile.InitAsync(new InitRequest { Amount = 5m, Description = "Lost reply" })).PaymentId;
        sandbox.Faults.Add(SandboxOperation.Pay, SandboxFault.DropConnection());
        var lost = await Assert.ThrowsAsync<FreedomPayOutcomeUnknownException>(() => mobile.PayAsync(new PayRequest { PaymentId = second, AbonentPhone = Phone }));
        var invalid = await Assert.ThrowsAsync<FreedomPayValidationException>(() => mobile.ApproveAsync(new ApproveRequest { PaymentId = 1, ApprovalCode = "12a" + code }));

        foreach (object shown in new object[] { init, pay, approve, status, wrongCode, lost, invalid, init.Raw.Root, status.Raw.Root })
        {
            text.Enqueue(shown.ToString()!);
        }

        foreach (var element in status.Raw.Root.Children.Concat(init.Raw.Root.Children))
        {
            text.Enqueue(element.ToString());
        }

        text.Enqueue(new FreedomPayClientOptions { MerchantId = "1", SecretKey = sandbox.Merchant.SecretKey }.ToString());
        string everything = string.Join("\n", logs.Lines.Concat(text));

        // The capture works: it holds what it should.
        Assert.Contains("MobileBalance.Approve", everything);
        Assert.Contains(init.PaymentId.ToString(), everything);
        Assert.Contains("freedompay.client.calls", everything);
        Assert.Contains("1006", everything); // the wrong code's error code is logged

        // ...and nothing it must not.
        var secrets = new List<string> { sandbox.Merchant.SecretKey, code, "12a" + code, Phone };
        secrets.AddRange(wire.Signatures);
        secrets.AddRange(new FreedomPay.Runtime.FreedomPayResponse[] { init, pay, approve, status }.Select(r => r.Raw.Root.GetString("pg_sig")!));
        Assert.True(wire.Signatures.Count >= 7, "the recorder should have seen every signed request");
        foreach (string secret in secrets.Distinct())
        {
            Assert.False(everything.Contains(secret, StringComparison.Ordinal), $"'{secret}' appears in logs, traces, metrics or messages");
        }
    }

    [Fact]
    public async Task Logs_traces_metrics_and_messages_of_the_gateway_flows_never_contain_card_data()
    {
        const string ChallengeCard = "4000000000003220", GoodCard = "4405645000006150", Cvc = "8642";
        await using var sandbox = await FreedomPaySandbox.StartAsync();
        var logs = new CapturingLoggerFactory();
        var text = new ConcurrentQueue<string>();
        using var activities = Listen(text);
        using var meters = ListenToMeters(text);
        using var client = new FreedomPayClient(new FreedomPayClientOptions
        {
            MerchantId = sandbox.Merchant.MerchantId, SecretKey = sandbox.Merchant.SecretKey, BaseAddress = sandbox.BaseAddress, LoggerFactory = logs,
        });
        GatewayPayments.PayRequest Card(string pan, string order) => new()
        {
            OrderId = order, Amount = 100m, Description = "Card data", AutoClearing = false, CardPan = pan, CardCvc = Cvc, CardMonth = "12", CardYear = "49", CardName = "TEST TESTOV",
        };

        // 3-D Secure through the issuer page, clearing, refund, status.
        var challenged = await client.GatewayPayments.PayAsync(Card(ChallengeCard, "C-1"));
        FreedomPayRedirect issuer = challenged.IssuerPage(new Uri("https://shop.test/3ds/return"))!;
        var posted = await GatewayLifecycleTests.PassIssuerPageAsync(issuer, TestCard.ChallengeCode);
        var completion = GatewayPayments.CompleteThreeDsRequest.FromPostedForm(posted, challenged.PaymentId);
        var completed = await client.GatewayPayments.CompleteThreeDsAsync(completion);
        var cleared = await client.GatewayPayments.ClearingAsync(new GatewayPayments.ClearingRequest { PaymentId = challenged.PaymentId });
        var refunded = await client.GatewayPayments.RefundAsync(new GatewayPayments.RefundRequest { PaymentId = challenged.PaymentId, Amount = 10m });
        var status = await client.GatewayPayments.StatusAsync(new GatewayPayments.StatusRequest { PaymentId = challenged.PaymentId, OrderId = "C-1" });

        // A card saved and used by token, a transfer and a payout by card number, Apple Pay, and failures.
        var saved = await client.GatewayCards.AddAsync(new GatewayCards.AddRequest { UserId = "u-1", CardPan = GoodCard, CardCvc = Cvc, CardMonth = "12", CardYear = "49", CardName = "TEST TESTOV" });
        var list = await client.GatewayCards.ListAsync(new GatewayCards.ListRequest { UserId = "u-1" });
        var byToken = await client.GatewayPayments.PayByTokenAsync(new GatewayPayments.PayByTokenRequest { OrderId = "T-1", Amount = 50m, Description = "Token", UserId = "u-1", CardToken = saved.CardToken! });
        var transfer = await client.GatewayTransfers.TransferAsync(new GatewayTransfers.TransferRequest
        {
            OrderId = "P-1", Amount = 20m, CurrencyFrom = "KZT", CurrencyTo = "KZT", Description = "Gift", CardPan = GoodCard, CardCvc = Cvc, CardMonth = "12", CardYear = "49", CardName = "TEST TESTOV", CardRecipient = GoodCard,
        });
        var payout = await client.GatewayPayouts.ToCardAsync(new GatewayPayouts.ToCardRequest { OrderId = "O-1", Amount = 5m, Description = "Out", PaymentTo = GoodCard, PostLink = "https://shop.test/payout" });
        var wallet = await client.GatewayPayments.PayWithApplePayAsync(new GatewayPayments.PayWithApplePayRequest
        {
            OrderId = "W-1", Amount = 5m, Description = "Wallet", CardPan = GoodCard, CardMonth = "12", CardYear = "49", CardName = "TEST", OnlinePaymentCryptogram = TestCard.WalletCryptogram, EciIndicator = "05",
        });
        var invalid = await Assert.ThrowsAsync<FreedomPayValidationException>(() => client.GatewayPayments.PayAsync(Card(GoodCard[..^1] + "1", "X-1")));
        var declined = await Assert.ThrowsAsync<FreedomPayGatewayException>(() => client.GatewayPayments.PayAsync(Card("4000000000000002", "X-2")));
        sandbox.Faults.Add(GatewayPayments.GatewayPaymentsClient.PayInfo, SandboxFault.DropConnection());
        var lost = await Assert.ThrowsAsync<FreedomPayOutcomeUnknownException>(() => client.GatewayPayments.PayAsync(Card(GoodCard, "X-3")));

        foreach (object shown in new object[] { challenged, issuer, completion, completed, cleared, refunded, status, saved, list, byToken, transfer, payout, wallet, invalid, declined, lost, Card(GoodCard, "S-1") })
        {
            text.Enqueue(shown.ToString()!);
        }

        foreach (var reply in new FreedomPay.Runtime.FreedomPayResponse[] { challenged, completed, status, saved, list, transfer, wallet })
        {
            text.Enqueue(reply.Raw.Root.ToString());
            text.Enqueue(string.Join("\n", reply.Raw.Root.Children.Select(e => e.ToString())));
        }

        string everything = string.Join("\n", logs.Lines.Concat(text));
        Assert.Contains("GatewayPayments.CompleteThreeDs", everything); // the capture works
        Assert.Contains("GatewayTransfers.Transfer", everything);
        var cardData = new List<string>
        {
            ChallengeCard, GoodCard, GoodCard[..^1] + "1", "4000000000000002", Cvc, saved.CardToken!, TestCard.WalletCryptogram,
            posted.Single(p => p.Key == "MD").Value, posted.Single(p => p.Key == "PaRes").Value, issuer.Fields.Single(p => p.Key == "PaReq").Value,
        };
        foreach (string secret in cardData)
        {
            Assert.False(everything.Contains(secret, StringComparison.Ordinal), $"card data '{secret[..4]}...' appears in logs, traces, metrics or messages");
        }
    }

    private static ActivityListener Listen(ConcurrentQueue<string> into)
    {
        var listener = new ActivityListener
        {
            ShouldListenTo = source => source.Name == FreedomPayDiagnostics.ActivitySourceName || source.Name.StartsWith("System.Net", StringComparison.Ordinal),
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = activity =>
            {
                into.Enqueue($"{activity.DisplayName} {activity.Status} {activity.StatusDescription}");
                foreach (var tag in activity.TagObjects)
                {
                    into.Enqueue($"  {tag.Key}={tag.Value}");
                }

                foreach (var e in activity.Events)
                {
                    into.Enqueue($"  event {e.Name} " + string.Join(",", e.Tags.Select(t => $"{t.Key}={t.Value}")));
                }
            },
        };
        ActivitySource.AddActivityListener(listener);
        return listener;
    }

    private static MeterListener ListenToMeters(ConcurrentQueue<string> into)
    {
        var listener = new MeterListener
        {
            InstrumentPublished = (instrument, l) =>
            {
                if (instrument.Meter.Name == FreedomPayDiagnostics.MeterName)
                {
                    l.EnableMeasurementEvents(instrument);
                }
            },
        };
        listener.SetMeasurementEventCallback<long>((instrument, value, tags, _) => into.Enqueue($"{instrument.Name} {value} " + string.Join(",", tags.ToArray().Select(t => $"{t.Key}={t.Value}"))));
        listener.SetMeasurementEventCallback<double>((instrument, value, tags, _) => into.Enqueue($"{instrument.Name} " + string.Join(",", tags.ToArray().Select(t => $"{t.Key}={t.Value}"))));
        listener.Start();
        return listener;
    }

    /// <summary>Records the pg_sig of every request the client sends, to search the output for it.</summary>
    private sealed class WireRecorder(HttpMessageHandler inner) : DelegatingHandler(inner)
    {
        public ConcurrentBag<string> Signatures { get; } = new();

        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            string body = await request.Content!.ReadAsStringAsync(cancellationToken);
            foreach (Match match in Regex.Matches(body, "name=\"pg_sig\"\r\n\r\n([0-9a-f]{32})"))
            {
                Signatures.Add(match.Groups[1].Value);
            }

            return await base.SendAsync(request, cancellationToken);
        }
    }
}
