using ClientRedaction = FreedomPay.Runtime.Redaction;

namespace FreedomPay.Cli.Output
{
    /// <summary>What the tool never prints in full: the client's own rules (signatures, SMS codes, phone numbers).</summary>
    internal static class Redaction
    {
        public const string Hidden = ClientRedaction.Hidden;

        public static string Field(string name, string value) => ClientRedaction.Field(name, value);

        public static string Phone(string phone) => ClientRedaction.Phone(phone);
    }
}
