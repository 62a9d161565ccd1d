using Microsoft.Extensions.Logging;

namespace FreedomPay.Runtime
{
    /// <summary>
    /// The client's log messages (LoggerMessage source generation: no boxing, no parsing at run time). They carry
    /// operation names, payment ids, statuses and error codes only: never the secret key, a signature, an SMS
    /// code or a phone number.
    /// </summary>
    internal static partial class Log
    {
        [LoggerMessage(1, LogLevel.Debug, "FreedomPay {Operation}: sending (attempt {Attempt})")]
        public static partial void Sending(ILogger logger, string operation, int attempt);

        [LoggerMessage(2, LogLevel.Information, "FreedomPay {Operation}: {Status} for payment {PaymentId} in {ElapsedMs} ms")]
        public static partial void Succeeded(ILogger logger, string operation, string? status, string? paymentId, long elapsedMs);

        [LoggerMessage(3, LogLevel.Warning, "FreedomPay {Operation}: the gateway refused payment {PaymentId} with error {ErrorCode}: {ErrorDescription}")]
        public static partial void Refused(ILogger logger, string operation, string? paymentId, string? errorCode, string? errorDescription);

        [LoggerMessage(4, LogLevel.Warning, "FreedomPay {Operation}: attempt {Attempt} failed ({Reason}); retrying in {DelayMs} ms")]
        public static partial void Retrying(ILogger logger, string operation, int attempt, string reason, long delayMs);

        [LoggerMessage(5, LogLevel.Error, "FreedomPay {Operation}: outcome unknown for payment {PaymentId} ({Reason}); check its status before sending it again")]
        public static partial void OutcomeUnknown(ILogger logger, string operation, string? paymentId, string reason);

        [LoggerMessage(6, LogLevel.Error, "FreedomPay {Operation} failed: {Kind}: {Reason}")]
        public static partial void Failed(ILogger logger, string operation, string kind, string reason);

        [LoggerMessage(7, LogLevel.Warning, "FreedomPay {Operation}: status '{Status}' for payment {PaymentId} is not one this client knows; treat the payment as not paid and check its status")]
        public static partial void UnknownStatus(ILogger logger, string operation, string? status, string? paymentId);

        [LoggerMessage(9, LogLevel.Warning, "FreedomPay {Operation}: the reply's element {Element} {Drift}; the gateway may have changed its replies (check the spec). Logged once per process")]
        public static partial void SpecDrift(ILogger logger, string operation, string element, string drift);

        [LoggerMessage(8, LogLevel.Debug, "FreedomPay {Operation}: signed redirect built for the buyer's browser (nothing sent)")]
        public static partial void Redirect(ILogger logger, string operation);
    }
}
