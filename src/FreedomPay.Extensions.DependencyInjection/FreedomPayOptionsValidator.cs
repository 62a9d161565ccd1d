using System;
using Microsoft.Extensions.Options;

namespace FreedomPay
{
    /// <summary>
    /// Checks a client's options when the application starts, with the client's own rules, and names the setting
    /// by its configuration path (e.g. <c>FreedomPay:Merchants:Shop:SecretKey</c>). Values are never echoed.
    /// </summary>
    internal sealed class FreedomPayOptionsValidator(string name, string settingPath) : IValidateOptions<FreedomPayClientOptions>
    {
        private const string Prefix = "FreedomPayClientOptions.";

        public ValidateOptionsResult Validate(string? optionsName, FreedomPayClientOptions options)
        {
            if (!string.Equals(optionsName ?? Options.DefaultName, name, StringComparison.Ordinal))
            {
                return ValidateOptionsResult.Skip;
            }

            try
            {
                options.Validate();
                return ValidateOptionsResult.Success;
            }
            catch (ArgumentException ex)
            {
                // The client names settings "FreedomPayClientOptions.X"; bound from configuration, "Section:Path:X" is what to fix.
                string message = settingPath == "FreedomPayClientOptions" ? ex.Message : ex.Message.Replace(Prefix, settingPath + ":");
                return ValidateOptionsResult.Fail(message);
            }
        }
    }
}
