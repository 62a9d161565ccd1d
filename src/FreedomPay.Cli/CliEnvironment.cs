using System;
using System.IO;

namespace FreedomPay.Cli
{
    /// <summary>What the tool takes from its process: output streams and environment variables (tests pass their own).</summary>
    internal sealed record CliEnvironment(TextWriter Out, TextWriter Error, Func<string, string?> GetVariable);
}
