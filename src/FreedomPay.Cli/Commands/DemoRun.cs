using System;
using System.Diagnostics;
using System.IO;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using FreedomPay.Cli.Output;
using FreedomPay.Sandbox;

namespace FreedomPay.Cli.Commands
{
    /// <summary>
    /// What every page-playing demo starts with: the embedded sandbox, a client with the sandbox merchant's keys, the
    /// buyer's browser, the header line, and numbered steps.
    /// </summary>
    internal sealed class DemoRun : IAsyncDisposable
    {
        private readonly Stopwatch _clock = Stopwatch.StartNew();
        private readonly TextWriter _output;

        private DemoRun(FreedomPaySandbox sandbox, TextWriter output)
        {
            Sandbox = sandbox;
            _output = output;
            Client = DemoCommand.ClientFor(sandbox);
            Browser = DemoBuyer.NewBrowser();
        }

        public FreedomPaySandbox Sandbox { get; }

        public FreedomPayClient Client { get; }

        public HttpClient Browser { get; }

        /// <summary>How many steps were shown.</summary>
        public int Steps { get; private set; }

        public long ElapsedMilliseconds => _clock.ElapsedMilliseconds;

        public static async Task<DemoRun> StartAsync(string title, TextWriter output, CancellationToken cancellationToken)
        {
            FreedomPaySandbox sandbox = await FreedomPaySandbox.StartAsync(cancellationToken: cancellationToken).ConfigureAwait(false);
            output.WriteLine($"FreedomPay demo ({title}): against the embedded sandbox at {sandbox.BaseAddress} (merchant {sandbox.Merchant.MerchantId}, secret keys {Redaction.Hidden})");
            return new DemoRun(sandbox, output);
        }

        /// <summary>One numbered line: who acts (the shop's call or the buyer) and what came of it.</summary>
        public void Step(string who, string what) => _output.WriteLine($"  {++Steps}. {who,-8} {what}");

        /// <summary>A line under the steps (the outcome, or why the demo stopped).</summary>
        public void Say(string line) => _output.WriteLine(line);

        public async ValueTask DisposeAsync()
        {
            Browser.Dispose();
            Client.Dispose();
            await Sandbox.DisposeAsync().ConfigureAwait(false);
        }
    }
}
