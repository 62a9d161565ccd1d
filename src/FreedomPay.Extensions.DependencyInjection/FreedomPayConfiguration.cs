using System;
using System.Globalization;
using Microsoft.Extensions.Configuration;

namespace FreedomPay
{
    /// <summary>
    /// Reads client options from a configuration section by hand: every key is explicit, nothing is found by
    /// reflection (trim and AOT safe), and a malformed value is an error that names its setting.
    /// <code>
    /// "FreedomPay": { "MerchantId": "54321", "SecretKey": "...", "SecretKeys": { "payout": "..." }, "BaseAddress": "https://api.freedompay.kz/",
    ///                 "Timeout": "00:00:30", "VerifyResponseSignatures": true, "MaxReplyBytes": 4194304,
    ///                 "Retry": { "MaxAttempts": 3, "BaseDelay": "00:00:00.200", "MaxDelay": "00:00:05" } }
    /// </code>
    /// </summary>
    public static class FreedomPayConfiguration
    {
        /// <summary>Copies the section's settings onto the options (settings that are absent are left as they are).</summary>
        /// <exception cref="ArgumentException">A setting has a value of the wrong form; the message names it.</exception>
        public static void Apply(IConfiguration section, FreedomPayClientOptions options)
        {
            if (section is null)
            {
                throw new ArgumentNullException(nameof(section));
            }

            if (options is null)
            {
                throw new ArgumentNullException(nameof(options));
            }

            string path = section is IConfigurationSection { Path.Length: > 0 } s ? s.Path + ":" : string.Empty;
            options.MerchantId = section["MerchantId"] ?? options.MerchantId;
            options.SecretKey = section["SecretKey"] ?? options.SecretKey;
            foreach (IConfigurationSection key in section.GetSection("SecretKeys").GetChildren())
            {
                // Checked with the other settings at start-up (names as the spec's 'secret:' writes them, non-empty keys).
                options.SecretKeys[key.Key] = key.Value ?? string.Empty;
            }

            if (section["BaseAddress"] is { } baseAddress)
            {
                options.BaseAddress = Uri.TryCreate(baseAddress, UriKind.Absolute, out Uri? uri) ? uri : throw Malformed(path + "BaseAddress", "an absolute URL");
            }

            options.Timeout = TimeSpanOf(section["Timeout"], path + "Timeout") ?? options.Timeout;
            if (section["VerifyResponseSignatures"] is { } verify)
            {
                options.VerifyResponseSignatures = bool.TryParse(verify, out bool value) ? value : throw Malformed(path + "VerifyResponseSignatures", "true or false");
            }

            if (section["MaxReplyBytes"] is { } maxReplyBytes)
            {
                options.MaxReplyBytes = int.TryParse(maxReplyBytes, NumberStyles.None, CultureInfo.InvariantCulture, out int value) ? value : throw Malformed(path + "MaxReplyBytes", "a whole number of bytes");
            }

            IConfiguration retry = section.GetSection("Retry");
            if (retry["MaxAttempts"] is { } attempts)
            {
                options.Retry.MaxAttempts = int.TryParse(attempts, NumberStyles.None, CultureInfo.InvariantCulture, out int value) ? value : throw Malformed(path + "Retry:MaxAttempts", "a whole number");
            }

            options.Retry.BaseDelay = TimeSpanOf(retry["BaseDelay"], path + "Retry:BaseDelay") ?? options.Retry.BaseDelay;
            options.Retry.MaxDelay = TimeSpanOf(retry["MaxDelay"], path + "Retry:MaxDelay") ?? options.Retry.MaxDelay;
        }

        private static TimeSpan? TimeSpanOf(string? text, string setting) => text is null
            ? null
            : TimeSpan.TryParse(text, CultureInfo.InvariantCulture, out TimeSpan value) ? value : throw Malformed(setting, "a duration such as 00:00:30");

        private static ArgumentException Malformed(string setting, string expected) => new ArgumentException($"{setting} must be {expected}.");
    }
}
