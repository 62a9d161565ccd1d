using System;
using System.Diagnostics;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using FreedomPay.MobileBalance;
using FreedomPay.Sandbox;

namespace FreedomPay.Benchmarks.Load;

/// <summary>The result of the load test.</summary>
internal sealed record LoadResult(int Requests, int Callers, int Errors, double RequestsPerSecond, double P50Ms, double P99Ms);

/// <summary>
/// The generated client against the sandbox over real loopback HTTP: a fixed number of status calls from a few
/// concurrent callers, timed one by one (Stopwatch; the sandbox runs in the same process).
/// </summary>
internal static class LoopbackLoadTest
{
    /// <param name="requests">Status calls in all (after 200 to warm up).</param>
    /// <param name="callers">Concurrent callers.</param>
    /// <param name="defaultEmulation">
    /// Answer status by the default emulation (the reply built from the spec's description, field rules checked)
    /// instead of the sandbox's hand-written status route.
    /// </param>
    public static async Task<LoadResult> RunAsync(int requests, int callers, bool defaultEmulation = false)
    {
        await using var sandbox = await FreedomPaySandbox.StartAsync();
        if (defaultEmulation)
        {
            sandbox.Handle(MobileBalanceClient.StatusInfo, call => call.DefaultReply());
        }

        using var client = new FreedomPayClient(new FreedomPayClientOptions
        {
            MerchantId = sandbox.Merchant.MerchantId, SecretKey = sandbox.Merchant.SecretKey, BaseAddress = sandbox.BaseAddress,
            Retry = new FreedomPayRetryOptions { MaxAttempts = 1 }, // an error must show, not be retried away
        });
        long paymentId = (await client.MobileBalance.InitAsync(new InitRequest { Amount = 1m, Description = "load" })).PaymentId;
        var request = new StatusRequest { PaymentId = paymentId };
        for (int i = 0; i < 200; i++)
        {
            await client.MobileBalance.StatusAsync(request); // warm up connections and JIT
        }

        var latencies = new double[requests];
        int next = -1;
        int errors = 0;
        var clock = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, callers).Select(_ => Task.Run(async () =>
        {
            for (int i = Interlocked.Increment(ref next); i < requests; i = Interlocked.Increment(ref next))
            {
                long start = Stopwatch.GetTimestamp();
                try
                {
                    StatusResponse status = await client.MobileBalance.StatusAsync(request).ConfigureAwait(false);
                    if (status.PaymentId != paymentId)
                    {
                        Interlocked.Increment(ref errors);
                    }
                }
                catch (FreedomPayException)
                {
                    Interlocked.Increment(ref errors);
                }

                latencies[i] = Stopwatch.GetElapsedTime(start).TotalMilliseconds;
            }
        })));
        clock.Stop();

        Array.Sort(latencies);
        return new LoadResult(requests, callers, errors, requests / clock.Elapsed.TotalSeconds, Percentile(latencies, 0.50), Percentile(latencies, 0.99));
    }

    private static double Percentile(double[] sorted, double p) => sorted[Math.Min(sorted.Length - 1, (int)Math.Ceiling(p * sorted.Length) - 1)];
}
