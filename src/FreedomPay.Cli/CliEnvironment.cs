using System;
using System.IO;

namespace FreedomPay.Cli
{
    /// <summary>What the tool takes from its process: output streams and environment variables (tests pass their own).</summary>
    /// <param name="Out">Where replies go (stdout).</param>
    /// <param name="Error">Where errors and diagnostics go (stderr).</param>
    /// <param name="GetVariable">Reads an environment variable.</param>
    /// <param name="ErrorIsTerminal">Whether stderr is a person's terminal (progress is shown there, never in a pipe or a log).</param>
    internal sealed record CliEnvironment(TextWriter Out, TextWriter Error, Func<string, string?> GetVariable, bool ErrorIsTerminal = false);
}
