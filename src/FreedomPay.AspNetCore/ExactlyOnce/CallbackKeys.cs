namespace FreedomPay.AspNetCore
{
    /// <summary>The store key of a callback: what it is, where it came, its payment and a hash of what it says.</summary>
    internal static class CallbackKeys
    {
        private const string Prefix = "freedompay:callback-reply:";

        public static string Of(string kind, string script, string? paymentId, string fingerprint) =>
            Prefix + kind + ":" + script + ":" + (paymentId ?? "-") + ":" + fingerprint;
    }
}
