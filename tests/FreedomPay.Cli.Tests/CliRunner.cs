using System.Collections.Generic;
using System.IO;
using System.Threading;
using System.Threading.Tasks;

namespace FreedomPay.Cli.Tests;

/// <summary>The outcome of one run of the tool.</summary>
internal sealed record CliResult(int ExitCode, string Out, string Error);

/// <summary>Runs the freedompay command line in-process with captured output and a private environment.</summary>
internal static class CliRunner
{
    public static Task<CliResult> RunAsync(IReadOnlyDictionary<string, string>? variables, params string[] args) => RunAsync(variables, terminal: false, args);

    /// <summary>Runs the tool; with <paramref name="terminal"/>, stderr plays a person's terminal (progress is shown there).</summary>
    public static async Task<CliResult> RunAsync(IReadOnlyDictionary<string, string>? variables, bool terminal, params string[] args)
    {
        var output = new StringWriter();
        var errorText = new StringWriter();
        TextWriter error = TextWriter.Synchronized(errorText); // the waiting indicator writes from a timer
        var environment = new CliEnvironment(output, error, name => variables is not null && variables.TryGetValue(name, out string? value) ? value : null, terminal);
        int code = await FreedomPayCli.RunAsync(args, environment, CancellationToken.None);
        return new CliResult(code, output.ToString(), errorText.ToString());
    }

    public static Task<CliResult> RunAsync(params string[] args) => RunAsync(null, args);
}
