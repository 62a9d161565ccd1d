using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace FreedomPay.Runtime
{
    /// <summary>
    /// The Activity and metrics of a call. Tags are the operation, the payment id, the reply's status and the
    /// gateway's error code: values that identify a payment, never ones that authorize it.
    /// </summary>
    internal static class Telemetry
    {
        private static readonly string Version = typeof(Telemetry).Assembly.GetName().Version?.ToString(3) ?? "0.0.0";

        public static readonly ActivitySource Source = new ActivitySource(FreedomPayDiagnostics.ActivitySourceName, Version);

        private static readonly Meter Meter = new Meter(FreedomPayDiagnostics.MeterName, Version);

        private static readonly Counter<long> Calls = Meter.CreateCounter<long>("freedompay.client.calls", description: "Calls to the gateway, by operation and outcome.");

        private static readonly Histogram<double> Duration = Meter.CreateHistogram<double>("freedompay.client.call.duration", unit: "s", description: "Time of a call, retries included.");

        private static readonly Counter<long> Errors = Meter.CreateCounter<long>("freedompay.client.errors", description: "Failed calls, by operation and error code or kind.");

        private static readonly Counter<long> Drift = Meter.CreateCounter<long>("freedompay.client.spec_drift", description: "Reply elements the spec does not describe, and enum values it does not list, by operation and element.");

        /// <summary>Whether anything listens to the drift counter.</summary>
        public static bool SpecDriftObserved => Drift.Enabled;

        /// <summary>Counts one departure of a reply from its spec (<see cref="SpecDrift"/>): names only, never values.</summary>
        public static void SpecDrift(OperationDescriptor operation, string element, string kind) =>
            Drift.Add(1, new TagList { { "freedompay.operation", operation.DisplayName }, { "freedompay.element", element }, { "freedompay.drift", kind } });

        public static Activity? Start(OperationDescriptor operation, string? paymentId)
        {
            Activity? activity = Source.StartActivity("FreedomPay " + operation.DisplayName, ActivityKind.Client);
            if (activity is not null)
            {
                activity.SetTag("freedompay.operation", operation.DisplayName);
                if (paymentId is not null)
                {
                    activity.SetTag("freedompay.payment_id", paymentId);
                }
            }

            return activity;
        }

        public static void Succeeded(Activity? activity, OperationDescriptor operation, string? status, string? paymentId, TimeSpan elapsed)
        {
            if (activity is not null)
            {
                activity.SetTag("freedompay.status", status);
                if (paymentId is not null)
                {
                    activity.SetTag("freedompay.payment_id", paymentId);
                }

                activity.SetStatus(ActivityStatusCode.Ok);
            }

            var tags = new TagList { { "freedompay.operation", operation.DisplayName }, { "freedompay.outcome", "ok" } };
            Calls.Add(1, tags);
            Duration.Record(elapsed.TotalSeconds, tags);
        }

        /// <summary>Records a failed call; <paramref name="code"/> is the gateway's error code or the kind of failure.</summary>
        public static void Failed(Activity? activity, OperationDescriptor operation, string outcome, string code, TimeSpan elapsed)
        {
            if (activity is not null)
            {
                activity.SetTag("freedompay.error_code", code);
                activity.SetStatus(ActivityStatusCode.Error, outcome);
            }

            var tags = new TagList { { "freedompay.operation", operation.DisplayName }, { "freedompay.outcome", outcome } };
            Calls.Add(1, tags);
            Duration.Record(elapsed.TotalSeconds, tags);
            Errors.Add(1, new TagList { { "freedompay.operation", operation.DisplayName }, { "freedompay.error_code", code } });
        }

        public static void Retrying(Activity? activity, int attempt, string reason) =>
            activity?.AddEvent(new ActivityEvent("retry", tags: new ActivityTagsCollection(new[] { new KeyValuePair<string, object?>("attempt", attempt), new KeyValuePair<string, object?>("reason", reason) })));
    }
}
