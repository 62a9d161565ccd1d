using System.Text;

namespace FreedomPay.Cli.Commands
{
    internal static class Naming
    {
        /// <summary>MobileBalance -> mobile-balance; ResendCode -> resend-code; PaymentId -> payment-id.</summary>
        public static string Kebab(string pascal)
        {
            var text = new StringBuilder(pascal.Length + 4);
            for (int i = 0; i < pascal.Length; i++)
            {
                char c = pascal[i];
                if (char.IsUpper(c) && i > 0 && (char.IsLower(pascal[i - 1]) || char.IsDigit(pascal[i - 1]) || (i + 1 < pascal.Length && char.IsLower(pascal[i + 1]))))
                {
                    text.Append('-');
                }

                text.Append(char.ToLowerInvariant(c));
            }

            return text.ToString();
        }
    }
}
