using System;
using System.IO;
using System.Linq;

namespace FreedomPay.Packaging.Tests;

/// <summary>
/// A test that needs clang (every Native AOT link on Linux does): skipped with the one-line install instruction when
/// it is missing, unless <c>FREEDOMPAY_REQUIRE_CLANG=1</c> (as <c>.ci/run</c> sets) makes a missing clang a failure.
/// </summary>
public sealed class ClangFactAttribute : FactAttribute
{
    public const string MissingMessage = "Native AOT needs clang on Linux: sudo apt-get install clang zlib1g-dev (.ci/run installs it)";

    public ClangFactAttribute()
    {
        bool required = Environment.GetEnvironmentVariable("FREEDOMPAY_REQUIRE_CLANG") == "1";
        if (!OperatingSystem.IsLinux() || required || OnPath("clang") || OnPath("clang-14"))
        {
            return;
        }

        Skip = MissingMessage;
    }

    private static bool OnPath(string name) =>
        (Environment.GetEnvironmentVariable("PATH") ?? string.Empty).Split(Path.PathSeparator).Any(dir => dir.Length > 0 && File.Exists(Path.Combine(dir, name)));
}
