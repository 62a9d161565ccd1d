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
            var command = new Command("sandbox", "Run the FreedomPay sandbox on 127.0.0.1 until Ctrl+C.") { port, merchant, secret };
            command.SetAction(async (parse, cancellationToken) =>
            {
                try
                {
                    var options = new FreedomPaySandboxOptions { Port = parse.GetValue(port) };
                    foreach (AreaEntry area in ownAreas)
                    {
                        options.AddArea(area.Operations);
                    }

                    string? givenKey = parse.GetValue(secret);
                    if (parse.GetValue(merchant) is { } id)
                    {
                        options.Merchants[0] = new SandboxMerchant(id, givenKey ?? options.Merchants[0].SecretKey);
                    }

                    return await RunAsync(options, keyWasGiven: givenKey is not null, environment.Out, cancellationToken).ConfigureAwait(false);
                }
                catch (Exception ex)
                {
                    return ErrorReporter.Report(ex, environment.Error);
                }
            });
            return command;
        }

        /// <summary>
        /// Prints how to reach the sandbox. A random secret key is the sandbox's own and is shown; a key the caller gave
        /// may be a real one reused by mistake, so it is never echoed (terminals and CI logs keep what they print).
        /// </summary>
        private static async Task<int> RunAsync(FreedomPaySandboxOptions options, bool keyWasGiven, TextWriter output, CancellationToken cancellationToken)
        {
            await using FreedomPaySandbox sandbox = await FreedomPaySandbox.StartAsync(options, cancellationToken).ConfigureAwait(false);
            output.WriteLine($"FreedomPay sandbox listening on {sandbox.BaseAddress}");
            output.WriteLine($"  dashboard    {sandbox.DashboardAddress}   (payments, SMS codes, Result notify, requests)");
            output.WriteLine($"  merchant id  {sandbox.Merchant.MerchantId}");
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
            foreach (TestPhone phone in options.Phones)
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
