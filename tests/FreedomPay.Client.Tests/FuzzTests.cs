using System;
using System.Collections.Generic;
using System.Net.Http;
using System.Text;
using System.Threading.Tasks;
using FreedomPay.Callbacks;
using FreedomPay.Client.Tests.Infrastructure;
using FreedomPay.MobileBalance;
using FreedomPay.Runtime;
using FreedomPay.TestSupport;

namespace FreedomPay.Client.Tests;

/// <summary>
/// A bounded fuzz run in the normal test command: genuine replies and callbacks, mutated a few thousand times from a
/// fixed seed and from a random one, must end in a typed result or a FreedomPay exception, never anything else.
/// A failure names its seed and case number; replay it with <c>FREEDOMPAY_FUZZ_SEED</c>.
/// </summary>
public sealed class FuzzTests
{
    private const int FixedSeed = 20261201;
    private const int Cases = 1500;

    public static TheoryData<int> Seeds() => new() { FixedSeed, Environment.GetEnvironmentVariable("FREEDOMPAY_FUZZ_SEED") is { } s ? int.Parse(s) : Random.Shared.Next() };

    [Theory]
    [MemberData(nameof(Seeds))]
    public async Task Mutated_replies_end_in_a_reply_or_a_FreedomPay_exception(int seed)
    {
        var mutator = new Mutator(seed);
        string[] genuine =
        {
            FakeGateway.SignedReply("get_status3.php", ("pg_status", "ok"), ("pg_payment_id", "7"), ("pg_payment_status", "success"), ("pg_amount", "10.50"), ("pg_currency", "KZT")),
            FakeGateway.SignedReply("pay", ("pg_status", "need_approve"), ("pg_payment_id", "7")),
            FakeGateway.Document("response", ("pg_status", "error"), ("pg_error_code", "101"), ("pg_error_description", "Unknown merchant")),
            SampleReplies.StatusWithOneRefund("7"),
        };
        using var test = new TestClient(o => o.MaxReplyBytes = 256 * 1024);
        string reply = string.Empty;
        test.Gateway.Respond = _ => new HttpResponseMessage(System.Net.HttpStatusCode.OK) { Content = new ByteArrayContent(Encoding.UTF8.GetBytes(reply)) };

        for (int i = 0; i < Cases; i++)
        {
            reply = mutator.Mutate(genuine[i % genuine.Length]);
            try
            {
                if (i % 2 == 0)
                {
                    await test.Client.MobileBalance.StatusAsync(new StatusRequest { PaymentId = 7 });
                }
                else
                {
                    await test.Client.MobileBalance.PayAsync(new PayRequest { PaymentId = 7, AbonentPhone = "77077777777" });
                }
            }
            catch (FreedomPayException)
            {
            }
            catch (Exception ex)
            {
                Assert.Fail($"seed {seed}, case {i}: {ex.GetType().Name}: {ex.Message}\nreply starts: {Start(reply)}");
            }
        }
    }

    [Theory]
    [MemberData(nameof(Seeds))]
    public async Task Mutated_json_replies_end_in_a_reply_or_a_FreedomPay_exception(int seed)
    {
        var mutator = new Mutator(seed);
        string[] genuine =
        {
            """{"status":"ok","invoice_status":"process","invoice_id":"inv-7","invoice_methods":{"qr":"cXI="},"dt":"2026-12-04T18:00:00+05:00"}""",
            """{"status":"ok","invoice_id":"inv-7","invoice_status":"ok","amount":990.50,"currency":"KZT","list":[1,{"a":[true,null]}]}""",
            """{"status":"error","error_code":"404","error_description":"Invoice not found"}""",
        };
        using var test = new TestClient(o => o.MaxReplyBytes = 256 * 1024);
        string reply = string.Empty;
        test.Gateway.Respond = _ => new HttpResponseMessage(System.Net.HttpStatusCode.OK) { Content = new ByteArrayContent(Encoding.UTF8.GetBytes(reply)) };

        for (int i = 0; i < Cases; i++)
        {
            reply = mutator.Mutate(genuine[i % genuine.Length]);
            try
            {
                if (i % 2 == 0)
                {
                    await test.Client.Invoice.InfoAsync(new Invoice.InfoRequest { InvoiceId = "inv-7" });
                }
                else
                {
                    await test.Client.Invoice.InitAsync(new Invoice.InitRequest { OrderId = "A", Amount = 1m, Description = "x", InvoiceMethod = Invoice.InvoiceMethod.Qr });
                }
            }
            catch (FreedomPayException)
            {
            }
            catch (Exception ex)
            {
                Assert.Fail($"seed {seed}, case {i}: {ex.GetType().Name}: {ex.Message}\nreply starts: {Start(reply)}");
            }
        }
    }

    [Theory]
    [MemberData(nameof(Seeds))]
    public async Task Mutated_gateway_replies_and_their_3DS_steps_end_in_a_result_or_a_FreedomPay_exception(int seed)
    {
        // The Gateway API's card payment, its 3-D Secure step read from the reply, and a transfer's list-free reply.
        var mutator = new Mutator(seed);
        string[] genuine =
        {
            FakeGateway.SignedReply("payment", ("pg_payment_id", "7"), ("pg_status", "ok"), ("pg_3ds", "1"), ("pg_3d_acsurl", "https://acs.bank.test/3ds?s=1"),
                ("pg_3d_md", "md"), ("pg_3d_pareq", "pareq"), ("pg_datetime", "2024-09-02T12:19:01+00:00")),
            FakeGateway.SignedReply("payment", ("pg_payment_id", "7"), ("pg_status", "pending"), ("pg_3ds", "0"), ("pg_datetime", "2024-11-07T06:31:04+00:00")),
            FakeGateway.SignedReply("transfer", ("pg_payment_id", "7"), ("pg_status", "ok"), ("pg_payment_status", "process"), ("pg_3ds", "1"),
                ("pg_3d_acsurl", "https://secure.freedompay.test/3ds-page/1"), ("pg_card_mask", "4444-44XX-XXXX-4444"), ("pg_payment_date", "")),
        };
        using var test = new TestClient(o => o.MaxReplyBytes = 256 * 1024);
        string reply = string.Empty;
        test.Gateway.Respond = _ => new HttpResponseMessage(System.Net.HttpStatusCode.OK) { Content = new ByteArrayContent(Encoding.UTF8.GetBytes(reply)) };
        var payment = new GatewayPayments.PayRequest
        {
            OrderId = "G-1", Amount = 10m, Description = "x", CardPan = "4405645000006150", CardCvc = "123", CardMonth = "12", CardYear = "49", CardName = "T T",
        };
        var transfer = new GatewayTransfers.TransferRequest
        {
            OrderId = "T-1", Amount = 10m, CurrencyFrom = "KZT", CurrencyTo = "KZT", Description = "x", CardToken = "tok", CardRecipientToken = "tok2",
        };

        for (int i = 0; i < Cases; i++)
        {
            reply = mutator.Mutate(genuine[i % genuine.Length]);
            try
            {
                if (i % 3 == 2)
                {
                    (await test.Client.GatewayTransfers.TransferAsync(transfer)).ThreeDsPage();
                }
                else
                {
                    (await test.Client.GatewayPayments.PayAsync(payment)).IssuerPage(new Uri("https://shop.test/3ds"));
                }
            }
            catch (FreedomPayException)
            {
            }
            catch (Exception ex)
            {
                Assert.Fail($"seed {seed}, case {i}: {ex.GetType().Name}: {ex.Message}\nreply starts: {Start(reply)}");
            }
        }
    }

    [Theory]
    [MemberData(nameof(Seeds))]
    public async Task Mutated_gateway_async_replies_under_200_and_422_end_in_a_reply_or_a_FreedomPay_exception(int seed)
    {
        // The docs' Async replies: a payment with 3ds, from, clearing and refunds; a declined one; a refusal; read request.
        var mutator = new Mutator(seed);
        string[] genuine =
        {
            """{"id":"01978d0e-b956-7ea2-9a42-32cff1f44ede","status":"success","amount":100,"created_at":"2025-06-20T07:13:31.068188524Z","order_id":"1234","clearing":{"cleared":true,"amount":100},"from":{"card":{"token":"t","brand":"VI"},"recurrent":{"profile_id":"p","profile_expiry_date":"2026-01-01"}},"refund_payments":[{"id":"r","amount":-100,"status":"success"}],"reverse_payments":[],"additional":{"approval_code":"95F69T","reference":"1","intreference":"A"},"3ds":{"acs_url":"","flow_type":"F"}}""",
            """{"amount":"100","created_at":"2025-06-19T14:13:49.812118623Z","error":{"code":"10045","description":"declined"},"id":"01978c87","status":"error"}""",
            """{"error":{"code":"9403","description":"Incorrectly passed input parameters"}}""",
            """{"id":"23fce447","status":"error","response":{"id":"bfe49b6e","status":"error","amount":0,"created_at":"0001-01-01T00:00:00Z","error":{"code":"1202","description":"Incorrect payment id"}}}""",
        };
        using var test = new TestClient(o => o.MaxReplyBytes = 256 * 1024);
        string reply = string.Empty;
        int status = 200;
        test.Gateway.Respond = _ => new HttpResponseMessage((System.Net.HttpStatusCode)status) { Content = new ByteArrayContent(Encoding.UTF8.GetBytes(reply)) };

        for (int i = 0; i < Cases; i++)
        {
            reply = mutator.Mutate(genuine[i % genuine.Length]);
            status = i % 5 == 4 ? 422 : 200;
            try
            {
                if (i % 4 == 3)
                {
                    await test.Client.GatewayAsync.ReadRequestAsync(new GatewayAsync.ReadRequestRequest { Id = "r" });
                }
                else
                {
                    await test.Client.GatewayAsync.ReadPaymentAsync(new GatewayAsync.ReadPaymentRequest { Id = "p" });
                }
            }
            catch (FreedomPayException)
            {
            }
            catch (Exception ex)
            {
                Assert.Fail($"seed {seed}, case {i}, HTTP {status}: {ex.GetType().Name}: {ex.Message}\nreply starts: {Start(reply)}");
            }
        }
    }

    [Theory]
    [MemberData(nameof(Seeds))]
    public void Mutated_callbacks_end_in_a_callback_or_a_FreedomPay_exception(int seed)
    {
        var mutator = new Mutator(seed);
        var fields = new List<KeyValuePair<string, string>>
        {
            new("pg_order_id", "A-1"), new("pg_payment_id", "42"), new("pg_amount", "500"), new("pg_currency", "KZT"), new("pg_result", "1"), new("pg_salt", "x1"),
        };
        var formOnly = new List<KeyValuePair<string, string>>(fields)
        {
            // Bracketed names and names that prefix one another: the form reader's nesting and the full signing path.
            new("pg_receipt_positions[0][name]", "Pad"), new("pg_receipt_positions[0][count]", "2"), new("shop_order", "A"), new("shop_order0", "B"),
        };
        formOnly.Add(new("pg_sig", ReferenceSignature.Sign("result", formOnly, FakeGateway.Secret)));
        fields.Add(new("pg_sig", ReferenceSignature.Sign("result", fields, FakeGateway.Secret)));
        string xml = "<request>" + string.Concat(fields.ConvertAll(f => $"<{f.Key}>{f.Value}</{f.Key}>")) + "</request>";

        for (int i = 0; i < Cases; i++)
        {
            string input = string.Empty;
            try
            {
                CallbackMessage message;
                if (i % 2 == 0)
                {
                    input = mutator.Mutate(xml);
                    message = CallbackMessage.FromXml("result", input);
                }
                else
                {
                    List<KeyValuePair<string, string>> mutated = mutator.Mutate(formOnly);
                    input = string.Join("&", mutated.ConvertAll(f => f.Key + "=" + f.Value));
                    message = CallbackMessage.FromFields("result", mutated);
                }

                _ = message.ContentFingerprint;
                ResultNotification notification = ResultNotification.Parse(message, FakeGateway.Secret);
                Assert.Equal(42, notification.PaymentId); // only a message still signed as sent gets here
            }
            catch (FreedomPayException)
            {
            }
            catch (Exception ex) when (ex is not Xunit.Sdk.XunitException)
            {
                Assert.Fail($"seed {seed}, case {i}: {ex.GetType().Name}: {ex.Message}\ninput starts: {Start(input)}");
            }
        }
    }

    private static string Start(string text) => text.Length <= 200 ? text : text.Substring(0, 200) + "...";
}
