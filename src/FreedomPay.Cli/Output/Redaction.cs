using ClientRedaction = FreedomPay.Runtime.Redaction;

namespace FreedomPay.Cli.Output
{
    /// <summary>The client's masks, for what the tool prints: reply elements (marked as the spec says) and the demo's own lines.</summary>
    internal static class Redaction
    {
        public const string Hidden = ClientRedaction.Hidden;

        public static string Apply(FreedomPay.Runtime.FieldSensitivity sensitivity, string value) => ClientRedaction.Apply(sensitivity, value);

        /// <summary>The demo's phone number, masked as the spec's <c>sensitive: partial</c> masks it.</summary>
        public static string Phone(string phone) => ClientRedaction.Partial(phone);
    }
}
