using System;
using System.IO;
using System.Linq;
using System.Threading.Tasks;
using FreedomPay.Sandbox.Gateway;
using Microsoft.AspNetCore.Http;

namespace FreedomPay.Sandbox.Pages
{
    /// <summary>Reading the hosted pages' forms, within the gateway's limits.</summary>
    internal static class PageForm
    {
        /// <summary>The page's form (read once: the body cannot be read again), or null when it is not a form within the gateway's limits.</summary>
        public static async Task<GatewayRequest?> ReadAsync(HttpRequest request)
        {
            if (!request.HasFormContentType)
            {
                return null;
            }

            try
            {
                return await GatewayRequest.ReadAsync(request).ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is InvalidDataException or IOException or BadHttpRequestException)
            {
                return null;
            }
        }
    }

    /// <summary>A card as typed into a card form: number (spaces and dashes dropped), expiry MM/YY, CVC.</summary>
    internal sealed record CardFormInput(string Number, string Expiry)
    {
        /// <summary>The card, or null when the number, the expiry (not in the past) or the CVC has the wrong form.</summary>
        public static async Task<CardFormInput?> ReadAsync(HttpRequest request, DateTimeOffset now)
        {
            GatewayRequest? form = await PageForm.ReadAsync(request).ConfigureAwait(false);
            string pan = new string((form?.Optional("pan") ?? string.Empty).Where(c => c is not (' ' or '-')).ToArray());
            string expiry = form?.Optional("expiry")?.Trim() ?? string.Empty;
            string cvc = form?.Optional("cvc")?.Trim() ?? string.Empty;
            bool valid = pan.Length is >= 13 and <= 19 && pan.All(char.IsAsciiDigit) && CardExpiry.IsCurrent(expiry, now) && cvc.Length == 3 && cvc.All(char.IsAsciiDigit);
            return valid ? new CardFormInput(pan, expiry) : null;
        }
    }
}
