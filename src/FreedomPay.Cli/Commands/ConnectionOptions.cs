using System;
using System.CommandLine;
using System.Globalization;
using System.Net.Http;
using FreedomPay.Cli.Output;
using FreedomPay.Runtime;

namespace FreedomPay.Cli.Commands
{
    /// <summary>
    /// The options every operation command shares: credentials and target (each overriding its environment
    /// variable), timeout, and output format. An area whose spec names a key of its own (<c>secret: payout</c>) also
    /// takes that key: <c>--payout-key</c> or <c>--key payout=...</c>, default <c>$FREEDOMPAY_PAYOUT_KEY</c>; without
    /// it the command stops with exit code 2 before anything is sent.
    /// </summary>
    internal sealed class ConnectionOptions
    {
        private readonly string? _secretName;

        public ConnectionOptions(string? secretName = null)
        {
            _secretName = secretName;
            if (secretName is not null)
            {
                NamedKey = new Option<string>("--" + secretName + "-key")
                {
                    Description = $"The '{secretName}' secret key this area is signed with (default: ${NamedKeyVariable(secretName)}; prefer the variable).",
                    Recursive = true,
                };
            }
        }

        public const string MerchantVariable = "FREEDOMPAY_MERCHANT_ID";
        public const string SecretVariable = "FREEDOMPAY_SECRET_KEY";
        public const string BaseUrlVariable = "FREEDOMPAY_BASE_URL";

        public Option<string> MerchantId { get; } = new("--merchant-id") { Description = $"Merchant id (default: ${MerchantVariable}).", Recursive = true };

        public Option<string> SecretKey { get; } = new("--secret-key") { Description = $"Secret key (default: ${SecretVariable}; prefer the variable, command lines are visible to other users).", Recursive = true };

        public Option<string> BaseUrl { get; } = new("--base-url") { Description = $"Gateway base URL (default: ${BaseUrlVariable}, else the area's default server).", Recursive = true };

        public Option<double?> Timeout { get; } = new("--timeout") { Description = "Seconds to wait for the reply (default 60).", Recursive = true };

        public Option<bool> Json { get; } = new("--json") { Description = "Print the reply as one JSON object keyed by wire name.", Recursive = true };

        /// <summary>The option for the area's own key, when its spec names one.</summary>
        public Option<string>? NamedKey { get; }

        /// <summary><c>--key NAME=VALUE</c>, repeatable: a key the area's spec names (<c>secret: NAME</c>).</summary>
        public Option<string[]> Keys { get; } = KeyOption.Create("A key an area is signed with, as NAME=VALUE (the spec's 'secret: NAME'; default: $FREEDOMPAY_<NAME>_KEY; prefer the variable).");

        public Option<bool> Verbose { get; } = new("--verbose") { Description = "Print each request to stderr (signature, SMS code and phone numbers redacted).", Recursive = true };

        public void AddTo(Command command)
        {
            command.Options.Add(MerchantId);
            command.Options.Add(SecretKey);
            command.Options.Add(BaseUrl);
            command.Options.Add(Timeout);
            command.Options.Add(Json);
            command.Options.Add(Verbose);
            command.Options.Add(Keys);
            if (NamedKey is not null)
            {
                command.Options.Add(NamedKey);
            }
        }

        /// <summary>The variable that holds a named key: FREEDOMPAY_PAYOUT_KEY for "payout".</summary>
        public static string NamedKeyVariable(string name) => "FREEDOMPAY_" + name.ToUpperInvariant().Replace('-', '_') + "_KEY";

        /// <summary>
        /// A client for the command line's credentials; a usage error names what is missing. --verbose masks the values
        /// that <paramref name="fields"/> (the request's field table) marks sensitive.
        /// </summary>
        /// <param name="parse">The command line.</param>
        /// <param name="environment">Where variables come from.</param>
        /// <param name="defaultServer">The area's server, used without <c>--base-url</c> or its variable.</param>
        /// <param name="fields">The request's field table, whose masks <c>--verbose</c> applies.</param>
        /// <param name="secretName">The key the call is signed with, when it is not this command's area's (<c>freedompay verify</c> calls several areas).</param>
        public FreedomPayClient CreateClient(ParseResult parse, CliEnvironment environment, Uri defaultServer, RequestFieldTable fields, string? secretName = null)
        {
            string merchantId = parse.GetValue(MerchantId) ?? environment.GetVariable(MerchantVariable)
                ?? throw new UsageException($"No merchant id: set {MerchantVariable} or pass --merchant-id.");
            string secret = parse.GetValue(SecretKey) ?? environment.GetVariable(SecretVariable)
                ?? throw new UsageException($"No secret key: set {SecretVariable} or pass --secret-key.");
            string baseUrl = parse.GetValue(BaseUrl) ?? environment.GetVariable(BaseUrlVariable) ?? defaultServer.ToString();
            if (!Uri.TryCreate(baseUrl, UriKind.Absolute, out Uri? baseAddress))
            {
                throw new UsageException($"The base URL '{baseUrl}' is not an absolute URL such as https://api.freedompay.kz/.");
            }

            double seconds = parse.GetValue(Timeout) ?? 60;
            if (seconds <= 0)
            {
                throw new UsageException("--timeout must be a positive number of seconds, not " + seconds.ToString(CultureInfo.InvariantCulture) + ".");
            }

            var options = new FreedomPayClientOptions { MerchantId = merchantId, SecretKey = secret, BaseAddress = baseAddress };
            if ((secretName ?? _secretName) is { } name)
            {
                string? fromOption = name == _secretName ? parse.GetValue(NamedKey!) : null;
                string how = name == _secretName ? $"pass {NamedKey!.Name} (or --key {name}=...)" : $"pass --key {name}=...";
                options.SecretKeys[name] = fromOption ?? KeyOption.Find(parse.GetValue(Keys), name) ?? environment.GetVariable(NamedKeyVariable(name))
                    ?? throw new UsageException($"No {name} key: this area is signed with it; set {NamedKeyVariable(name)} or {how}.");
            }

            HttpMessageHandler handler = parse.GetValue(Verbose) ? new VerboseHandler(environment.Error, fields) : new HttpClientHandler();
            var http = new HttpClient(handler) { Timeout = TimeSpan.FromSeconds(seconds) };
            return new FreedomPayClient(http, options);
        }
    }
}
