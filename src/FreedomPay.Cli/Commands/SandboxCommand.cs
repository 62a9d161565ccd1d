using System;
using System.Collections.Generic;
using System.CommandLine;
using System.IO;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using FreedomPay.Cli.Output;
using FreedomPay.Runtime;
using FreedomPay.Sandbox;

namespace FreedomPay.Cli.Commands
{
    /// <summary>`freedompay sandbox`: runs the emulator until Ctrl+C and prints how to reach it.</summary>
    internal static class SandboxCommand
    {
        /// <param name="environment">Where output goes.</param>
        /// <param name="ownAreas">Areas from <c>--spec</c> files, served by their description.</param>
        public static Command Create(CliEnvironment environment, IReadOnlyList<AreaEntry> ownAreas)
        {
            var port = new Option<int>("--port") { Description = "Loopback port (0 picks a free one).", DefaultValueFactory = _ => 0 };
            var merchant = new Option<string>("--merchant-id") { Description = "Merchant id the sandbox accepts.", DefaultValueFactory = _ => "54321" };
            var secret = new Option<string>("--secret-key") { Description = "Secret key of that merchant (default: a random one, printed)." };
            Option<string[]> keys = KeyOption.Create("A key of that merchant for areas signed with their own (the spec's 'secret: NAME'), as NAME=VALUE (default: a random one per name, printed).");
            var drift = new Option<SandboxDrift[]>("--drift")
            {
                Description = "Make replies depart from their specs, as the gateway's may: ExtraElement, MissingElement, UnknownEnumValue, UtcDateTimes, NumbersAsStrings, Readable (all but MissingElement) or All; without a value, Readable.",
                Arity = ArgumentArity.ZeroOrMore,
                AllowMultipleArgumentsPerToken = true,
            };
            var command = new Command("sandbox", "Run the FreedomPay sandbox on 127.0.0.1 until Ctrl+C.") { port, merchant, secret, keys, drift };
            command.SetAction(async (parse, cancellationToken) =>
            {
                try
                {
                    var options = new FreedomPaySandboxOptions { Port = parse.GetValue(port), Drift = DriftOf(parse, drift) };
                    foreach (AreaEntry area in ownAreas)
                    {
                        options.AddArea(area.Operations);
                    }

                    string? givenKey = parse.GetValue(secret);
                    var namedKeys = new Dictionary<string, string>(StringComparer.Ordinal);
                    foreach (KeyValuePair<string, string> key in KeyOption.Parse(parse.GetValue(keys)))
                    {
                        namedKeys[key.Key] = key.Value;
                    }

                    // Every key an area served names (payout for the packaged payouts, the --spec areas' own): the one
                    // given, or a random sandbox secret, so that an area signed with the main key is refused as at the gateway.
                    SandboxMerchant first = options.Merchants[0];
                    var merchantKeys = new Dictionary<string, string>(StringComparer.Ordinal);
                    foreach (string name in options.Areas.SelectMany(a => a).Select(o => o.Descriptor.SecretName).OfType<string>().Concat(namedKeys.Keys).Distinct(StringComparer.Ordinal))
                    {
                        merchantKeys[name] = namedKeys.TryGetValue(name, out string? given) ? given : first.SecretFor(name) ?? NewSecret();
                    }

                    options.Merchants[0] = new SandboxMerchant(parse.GetValue(merchant) ?? first.MerchantId, givenKey ?? first.SecretKey) { SecretKeys = merchantKeys };
                    return await RunAsync(options, keyWasGiven: givenKey is not null, namedKeys, ownAreas.Count > 0, environment.Out, cancellationToken).ConfigureAwait(false);
                }
                catch (Exception ex)
                {
                    return ErrorReporter.Report(ex, environment.Error);
                }
            });
            return command;
        }

        /// <summary>The drifts asked for: none without the option, <see cref="SandboxDrift.Readable"/> for the bare option.</summary>
        private static SandboxDrift DriftOf(ParseResult parse, Option<SandboxDrift[]> option)
        {
            if (parse.GetResult(option) is null)
            {
                return SandboxDrift.None;
            }

            SandboxDrift[] kinds = parse.GetValue(option) ?? Array.Empty<SandboxDrift>();
            return kinds.Length == 0 ? SandboxDrift.Readable : kinds.Aggregate(SandboxDrift.None, (all, kind) => all | kind);
        }

        /// <summary>A random sandbox key, in the alphabet the sandbox's own use.</summary>
        private static string NewSecret() => System.Security.Cryptography.RandomNumberGenerator.GetString("abcdefghijkmnopqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789", 24);

        /// <summary>
        /// Prints how to reach the sandbox. A random secret key is the sandbox's own and is shown; a key the caller gave
        /// may be a real one reused by mistake, so it is never echoed (terminals and CI logs keep what they print).
        /// </summary>
        private static async Task<int> RunAsync(FreedomPaySandboxOptions options, bool keyWasGiven, IReadOnlyDictionary<string, string> givenKeys, bool ownAreas, TextWriter output, CancellationToken cancellationToken)
        {
            await using FreedomPaySandbox sandbox = await FreedomPaySandbox.StartAsync(options, cancellationToken).ConfigureAwait(false);
            output.WriteLine($"FreedomPay sandbox listening on {sandbox.BaseAddress}");
            output.WriteLine($"  dashboard    {sandbox.DashboardAddress}   (payments, SMS codes, Result notify, requests)");
            output.WriteLine($"  merchant id  {sandbox.Merchant.MerchantId}");
            if (options.Drift != SandboxDrift.None)
            {
                output.WriteLine($"  drift        {options.Drift}   (replies depart from their specs on purpose)");
            }

            foreach (IReadOnlyList<OperationInfo> area in options.Areas)
            {
                foreach (OperationInfo operation in area)
                {
                    string how = sandbox.Operations.Contains(operation) ? "from its spec" : "by the sandbox's own emulation of that path";
                    output.WriteLine($"  serves       {operation.Descriptor.DisplayName} at /{operation.Descriptor.Path.TrimStart('/')} ({how})");
                }
            }

            string secretKey = keyWasGiven ? "'<the --secret-key you gave>'" : sandbox.Merchant.SecretKey;
            output.WriteLine(keyWasGiven
                ? "  secret key   the one given with --secret-key (not shown)"
                : $"  secret key   {secretKey}   (a random sandbox secret: safe to show)");
            foreach (KeyValuePair<string, string> key in sandbox.Merchant.SecretKeys.OrderBy(k => k.Key, StringComparer.Ordinal))
            {
                output.WriteLine(givenKeys.ContainsKey(key.Key)
                    ? $"  {key.Key} key   the one given with --key {key.Key}=... (not shown)"
                    : $"  {key.Key} key   {key.Value}   (a random sandbox secret: safe to show; --key {key.Key}=... on the tool, or ${ConnectionOptions.NamedKeyVariable(key.Key)})");
            }

            // The test phones are the Mobile balance area's: a banner for the spec's own areas does not list them.
            foreach (TestPhone phone in ownAreas ? Array.Empty<TestPhone>() : options.Phones)
            {
                string behaviour = phone.Behavior switch
                {
                    TestPhoneBehavior.NeedsApproval => "SMS code " + (phone.FirstCode ?? "random"),
                    TestPhoneBehavior.ChargesAtOnce => "charged at once",
                    _ => "declines",
                };
                output.WriteLine($"  test phone   {phone.Phone} ({phone.Operator}, {behaviour})");
            }

            output.WriteLine("Use it with:");
            output.WriteLine($"  export {ConnectionOptions.BaseUrlVariable}={sandbox.BaseAddress} {ConnectionOptions.MerchantVariable}={sandbox.Merchant.MerchantId} {ConnectionOptions.SecretVariable}={secretKey}");
            output.WriteLine("Press Ctrl+C to stop.");
            await output.FlushAsync(cancellationToken).ConfigureAwait(false);
            try
            {
                await Task.Delay(Timeout.Infinite, cancellationToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                output.WriteLine("Sandbox stopped.");
            }

            return ExitCodes.Success;
        }
    }
}
