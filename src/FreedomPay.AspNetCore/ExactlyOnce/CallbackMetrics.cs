using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace FreedomPay.AspNetCore
{
    /// <summary>
    /// The callback endpoints' counters on the <c>FreedomPay.AspNetCore</c> meter. Tags name the kind of callback and
    /// the store operation, never a key or a value.
    /// </summary>
    internal static class CallbackMetrics
    {
        public const string MeterName = "FreedomPay.AspNetCore";

        private static readonly Meter Meter = new Meter(MeterName, typeof(CallbackMetrics).Assembly.GetName().Version?.ToString(3) ?? "0.0.0");

        private static readonly Counter<long> StoreFailures = Meter.CreateCounter<long>(
            "freedompay.callback.store_failures", description: "Calls to the callback store that failed or timed out (the callback was answered without it).");

        private static readonly Counter<long> Repeats = Meter.CreateCounter<long>(
            "freedompay.callback.repeats", description: "Callbacks answered with an earlier reply instead of running the handler, by where the reply came from.");

        private static readonly Counter<long> RetryLater = Meter.CreateCounter<long>(
            "freedompay.callback.retry_later", description: "Callbacks answered 'retry later' because the same callback was still being handled.");

        public static void StoreFailed(string operation) => StoreFailures.Add(1, new TagList { { "freedompay.store.operation", operation } });

        public static void Repeated(string source) => Repeats.Add(1, new TagList { { "freedompay.reply.source", source } });

        public static void AskedToRetry() => RetryLater.Add(1);
    }
}
