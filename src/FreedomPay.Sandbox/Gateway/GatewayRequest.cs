using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;

namespace FreedomPay.Sandbox.Gateway
{
    /// <summary>
    /// An incoming gateway request: its fields, from a multipart or
    /// urlencoded body or from the query string, with getters that refuse missing or malformed values by name.
    /// </summary>
    internal sealed class GatewayRequest
    {
        private GatewayRequest(IReadOnlyList<KeyValuePair<string, string>> fields)
        {
            Fields = fields;
        }

        public IReadOnlyList<KeyValuePair<string, string>> Fields { get; }

        /// <summary>The largest request body the sandbox reads (Kestrel refuses larger ones).</summary>
        public const int MaxBodyBytes = 1024 * 1024;

        /// <summary>The most fields a request may have.</summary>
        public const int MaxFields = 1024;

        private static readonly FormOptions Limits = new FormOptions
        {
            ValueCountLimit = MaxFields,
            ValueLengthLimit = MaxBodyBytes,
            MultipartBodyLengthLimit = MaxBodyBytes,
            BufferBody = false,
        };

        /// <summary>A request of these fields (a JSON body read as fields).</summary>
        public static GatewayRequest From(IReadOnlyList<KeyValuePair<string, string>> fields) => new GatewayRequest(fields);

        /// <summary>The same request with more fields (a path's parameters) after its own.</summary>
        public GatewayRequest With(IEnumerable<KeyValuePair<string, string>> more) => new GatewayRequest(Fields.Concat(more).ToArray());

        /// <summary>Reads the fields within the limits.</summary>
        /// <exception cref="InvalidDataException">The body is over a limit or is not a well-formed form.</exception>
        /// <exception cref="IOException">The body could not be read.</exception>
        /// <exception cref="BadHttpRequestException">The body is larger than Kestrel allows.</exception>
        public static async Task<GatewayRequest> ReadAsync(HttpRequest request)
        {
            var fields = new List<KeyValuePair<string, string>>();
            if (request.HasFormContentType)
            {
                request.HttpContext.Features.Set<IFormFeature>(new FormFeature(request, Limits));
                IFormCollection form = await request.ReadFormAsync().ConfigureAwait(false);
                foreach (var (key, values) in form)
                {
                    fields.AddRange(values.Select(v => new KeyValuePair<string, string>(key, v ?? string.Empty)));
                }
            }
            else
            {
                foreach (var (key, values) in request.Query)
                {
                    fields.AddRange(values.Select(v => new KeyValuePair<string, string>(key, v ?? string.Empty)));
                }
            }

            return new GatewayRequest(fields);
        }

        public string? Optional(string name)
        {
            string? value = Fields.FirstOrDefault(f => f.Key == name).Value;
            return string.IsNullOrEmpty(value) ? null : value;
        }

        public string Required(string name) =>
            Optional(name) ?? throw new GatewayError(SandboxErrorCodes.InvalidField, $"Field {name} is required.");

        public long RequiredInt64(string name) =>
            long.TryParse(Required(name), NumberStyles.None, CultureInfo.InvariantCulture, out long value) && value > 0
                ? value
                : throw new GatewayError(SandboxErrorCodes.InvalidField, $"Field {name} must be a positive whole number.");

        public decimal RequiredDecimal(string name, decimal min, decimal max) =>
            decimal.TryParse(Required(name), NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out decimal value) && value >= min && value <= max
                ? value
                : throw new GatewayError(SandboxErrorCodes.InvalidField, $"Field {name} must be a number from {min.ToString(CultureInfo.InvariantCulture)} to {max.ToString(CultureInfo.InvariantCulture)}.");

        public decimal? OptionalDecimal(string name, decimal min, decimal max) =>
            Optional(name) is null ? null : RequiredDecimal(name, min, max);

        public long? OptionalInt64(string name, long min, long max)
        {
            string? text = Optional(name);
            if (text is null)
            {
                return null;
            }

            return long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out long value) && value >= min && value <= max
                ? value
                : throw new GatewayError(SandboxErrorCodes.InvalidField, $"Field {name} must be a whole number from {min} to {max}.");
        }

        public string? OptionalText(string name, int maxLength)
        {
            string? text = Optional(name);
            return text is null || text.Length <= maxLength
                ? text
                : throw new GatewayError(SandboxErrorCodes.InvalidField, $"Field {name} must be at most {maxLength} characters long.");
        }

        public bool OptionalFlag(string name) => Optional(name) switch
        {
            null or "0" => false,
            "1" => true,
            _ => throw new GatewayError(SandboxErrorCodes.InvalidField, $"Field {name} must be 0 or 1."),
        };

        public string? OneOf(string name, params string[] allowed)
        {
            string? value = Optional(name);
            return value is null || allowed.Contains(value, StringComparer.Ordinal)
                ? value
                : throw new GatewayError(SandboxErrorCodes.InvalidField, $"Field {name} must be one of: {string.Join(", ", allowed)}.");
        }
    }
}
