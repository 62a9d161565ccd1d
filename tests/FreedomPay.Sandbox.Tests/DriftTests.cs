using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Diagnostics.Metrics;
using System.Linq;
using System.Threading.Tasks;
using FreedomPay.MobileBalance;
using FreedomPay.TestSupport;

namespace FreedomPay.Sandbox.Tests;

/// <summary>
/// Replies that depart from their specs, as FreedomPay's may without notice: the sandbox makes them on demand
/// (<see cref="FreedomPaySandboxOptions.Drift"/>), and the client notices. An undescribed element and an unknown enum
/// value are logged once per process, names only, and counted on every occurrence
/// (<c>freedompay.client.spec_drift</c>); a required element left out is refused; <c>Z</c> date-times and JSON numbers
/// written as strings are read.
/// </summary>
public sealed class DriftTests
{
    [Fact]
    public async Task Undescribed_elements_and_unknown_enum_values_are_logged_once_by_name_and_counted_every_time()
    {
        await using var f = await SandboxFixture.StartAsync(o => o.Drift = SandboxDrift.ExtraElement | SandboxDrift.UnknownEnumValue);
        var logs = new CapturingLoggerFactory();
        using var client = new FreedomPayClient(new FreedomPayClientOptions
        {
            MerchantId = f.Sandbox.Merchant.MerchantId, SecretKey = f.Sandbox.Merchant.SecretKey, BaseAddress = f.Sandbox.BaseAddress, LoggerFactory = logs,
        });
        var drift = new ConcurrentQueue<(string Operation, string Element, string Kind)>();
        using MeterListener listener = ListenForDrift(drift);
        long paymentId = await f.InitAsync();

        StatusResponse first = await client.MobileBalance.StatusAsync(new StatusRequest { PaymentId = paymentId });
        await client.MobileBalance.StatusAsync(new StatusRequest { PaymentId = paymentId });

        Assert.Equal(PaymentStatus.Unknown, first.PaymentStatus); // the value the spec does not list reads as Unknown, never as a status
        var statusDrift = drift.Where(d => d.Operation == "MobileBalance.Status").ToList();
        Assert.Equal(2, statusDrift.Count(d => d == ("MobileBalance.Status", "sandbox_drift", "undescribed_element")));
        Assert.Equal(2, statusDrift.Count(d => d == ("MobileBalance.Status", "pg_payment_status", "unknown_enum_value")));
        string[] warnings = logs.Lines.Where(l => l.Contains("MobileBalance.Status: the reply's element", StringComparison.Ordinal)).ToArray();
        Assert.Equal(2, warnings.Length); // once per element and kind, not once per reply
        Assert.Contains(warnings, w => w.Contains("sandbox_drift is not described by the spec", StringComparison.Ordinal));
        Assert.Contains(warnings, w => w.Contains("pg_payment_status has a value the spec does not list", StringComparison.Ordinal));
        Assert.DoesNotContain(warnings, w => w.Contains("sandbox_drifted", StringComparison.Ordinal)); // names, never values
    }

    [Fact]
    public async Task A_reply_as_the_spec_describes_it_counts_no_drift()
    {
        await using var f = await SandboxFixture.StartAsync();
        var drift = new ConcurrentQueue<(string Operation, string Element, string Kind)>();
        using MeterListener listener = ListenForDrift(drift);
        long paymentId = await f.InitAsync();

        await f.Client.MobileBalance.StatusAsync(new StatusRequest { PaymentId = paymentId });

        Assert.DoesNotContain(drift, d => d.Operation == "MobileBalance.Status");
    }

    [Fact]
    public async Task A_required_element_left_out_is_refused_and_z_date_times_are_read()
    {
        await using var missing = await SandboxFixture.StartAsync(o => o.Drift = SandboxDrift.MissingElement);
        await using var readable = await SandboxFixture.StartAsync(o => o.Drift = SandboxDrift.UtcDateTimes | SandboxDrift.NumbersAsStrings);
        missing.Sandbox.Handle(MobileBalanceClient.StatusInfo, call => call.DefaultReply());

        var refused = await Assert.ThrowsAsync<FreedomPayProtocolException>(() => missing.Client.MobileBalance.StatusAsync(new StatusRequest { PaymentId = 7 }));
        Invoice.InitResponse invoice = await readable.Client.Invoice.InitAsync(new Invoice.InitRequest { OrderId = "D-1", Amount = 100m, Description = "Drift", InvoiceMethod = Invoice.InvoiceMethod.Qr });

        Assert.Contains("<pg_payment_id>", refused.Message);
        Assert.EndsWith("Z", invoice.Raw.Root.GetString("dt"), StringComparison.Ordinal);
        Assert.Equal(TimeSpan.Zero, invoice.Dt!.Value.Offset);
    }

    [Fact]
    public async Task Json_numbers_written_as_strings_are_read_as_numbers()
    {
        await using var f = await SandboxFixture.StartAsync(o => o.Drift = SandboxDrift.NumbersAsStrings);
        f.Sandbox.Handle(GatewayAsync.GatewayAsyncClient.ReadPaymentInfo, call => call.DefaultReply());

        GatewayAsync.ReadPaymentResponse payment = await f.Client.GatewayAsync.ReadPaymentAsync(new GatewayAsync.ReadPaymentRequest { OrderId = "D-2" });

        Assert.Matches("\"amount\":\"[0-9.]+\"", payment.RawXml);
        Assert.NotNull(payment.Amount);
    }

    private static MeterListener ListenForDrift(ConcurrentQueue<(string, string, string)> into)
    {
        var listener = new MeterListener
        {
            InstrumentPublished = (instrument, l) =>
            {
                if (instrument.Meter.Name == FreedomPayDiagnostics.MeterName && instrument.Name == "freedompay.client.spec_drift")
                {
                    l.EnableMeasurementEvents(instrument);
                }
            },
        };
        listener.SetMeasurementEventCallback<long>((_, value, tags, _) =>
        {
            var named = new Dictionary<string, object?>();
            foreach (KeyValuePair<string, object?> tag in tags)
            {
                named[tag.Key] = tag.Value;
            }

            for (long i = 0; i < value; i++)
            {
                into.Enqueue(((string)named["freedompay.operation"]!, (string)named["freedompay.element"]!, (string)named["freedompay.drift"]!));
            }
        });
        listener.Start();
        return listener;
    }
}

/// <summary>Drift names come from replies a JSON area does not sign: they cannot grow memory, logs or metric tags without bound.</summary>
public sealed class DriftFloodTests
{
    [Fact]
    public async Task A_reply_of_600_undescribed_names_is_counted_600_times_but_logs_and_tags_at_most_256_names_of_its_operation()
    {
        await using var f = await SandboxFixture.StartAsync();
        // Its own operation: the cap is per operation, and this test fills it.
        f.Sandbox.Handle(Cards.CardsClient.ListInfo, call =>
        {
            SandboxReply reply = call.DefaultReply();
            for (int i = 0; i < 600; i++)
            {
                reply.Set("pg_flood_" + i, "x");
            }

            return reply;
        });
        var logs = new CapturingLoggerFactory();
        using var client = new FreedomPayClient(new FreedomPayClientOptions
        {
            MerchantId = f.Sandbox.Merchant.MerchantId, SecretKey = f.Sandbox.Merchant.SecretKey, BaseAddress = f.Sandbox.BaseAddress, LoggerFactory = logs,
        });
        var counted = new ConcurrentQueue<string>();
        using var listener = new MeterListener { InstrumentPublished = (instrument, l) => { if (instrument.Name == "freedompay.client.spec_drift") { l.EnableMeasurementEvents(instrument); } } };
        listener.SetMeasurementEventCallback<long>((_, _, tags, _) =>
        {
            foreach (KeyValuePair<string, object?> tag in tags)
            {
                if (tag.Key == "freedompay.element" && tag.Value is string element && (element.StartsWith("pg_flood_", StringComparison.Ordinal) || element == "(other)"))
                {
                    counted.Enqueue(element);
                }
            }
        });
        listener.Start();

        await client.Cards.ListAsync(new Cards.ListRequest { UserId = "u-1" });

        Assert.Equal(600, counted.Count);
        Assert.InRange(counted.Distinct().Count(), 2, 257); // at most 256 names, then "(other)"
        Assert.InRange(logs.Lines.Count(l => l.Contains("pg_flood_", StringComparison.Ordinal)), 1, 256);
    }
}
