namespace FreedomPay.Runtime
{
    /// <summary>The values the client never shows in full: signatures, SMS codes and phone numbers.</summary>
    internal static class Redaction
    {
        public const string Hidden = "***";

        /// <summary>A field's value as it may appear in ToString, logs or messages.</summary>
        public static string Field(string name, string value) => name switch
        {
            "pg_sig" or "pg_approval_code" => Hidden,
            "pg_abonent_phone" or "pg_user_phone" => Phone(value),
            _ => value,
        };

        /// <summary>77017777777 -> 7701*****77.</summary>
        public static string Phone(string phone) => phone.Length <= 6
            ? Hidden
            : phone.Substring(0, 4) + new string('*', phone.Length - 6) + phone.Substring(phone.Length - 2);
    }
}
