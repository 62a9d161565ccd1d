namespace FreedomPay
{
    /// <summary>
    /// Names to subscribe to the client's telemetry: an Activity per call (tags freedompay.operation,
    /// freedompay.payment_id, freedompay.status, freedompay.error_code) and metrics (freedompay.client.calls,
    /// freedompay.client.call.duration, freedompay.client.errors). No secret, signature, SMS code or phone
    /// number is ever recorded.
    /// </summary>
    public static class FreedomPayDiagnostics
    {
        /// <summary>The ActivitySource name (e.g. for OpenTelemetry's AddSource).</summary>
        public const string ActivitySourceName = "FreedomPay.Client";

        /// <summary>The Meter name (e.g. for OpenTelemetry's AddMeter).</summary>
        public const string MeterName = "FreedomPay.Client";
    }
}
