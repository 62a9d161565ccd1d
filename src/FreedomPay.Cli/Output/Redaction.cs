using System;

namespace FreedomPay.Cli.Output
{
    /// <summary>What the tool never prints in full: the secret key, signatures, SMS codes and phone numbers.</summary>
    internal static class Redaction
    {
        public const string Hidden = "***";

        /// <summary>A field value as it may be printed.</summary>
        public static string Field(string name, string value) => name switch
        {
            "pg_sig" or "pg_approval_code" => Hidden,
            "pg_abonent_phone" or "pg_user_phone" => Phone(value),
            _ => value,
        };

        /// <summary>77017777777 -> 7701*****77: enough to tell test phones apart, not enough to call anyone.</summary>
        public static string Phone(string phone) => phone.Length <= 6
            ? Hidden
            : phone.Substring(0, 4) + new string('*', phone.Length - 6) + phone.Substring(phone.Length - 2);

        public static bool IsSecretOption(string option) => option.Equals("--secret-key", StringComparison.Ordinal);
    }
}
