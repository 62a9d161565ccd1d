using System;
using System.IO;
using System.Linq;

namespace FreedomPay.Sandbox.BrowserTests.Infrastructure;

/// <summary>
/// Finds the Chromium these tests drive: <c>FREEDOMPAY_CHROMIUM</c> if set, else the usual system locations
/// (Debian's <c>chromium</c> package installs <c>/usr/bin/chromium</c>). Playwright's own browser download is
/// never used: the machine's package manager owns the browser.
/// </summary>
internal static class Chromium
{
    public const string PathVariable = "FREEDOMPAY_CHROMIUM";
    public const string RequireVariable = "FREEDOMPAY_REQUIRE_BROWSER";

    private static readonly string[] Candidates =
    {
        "/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome", "/usr/bin/google-chrome-stable",
        "/Applications/Chromium.app/Contents/MacOS/Chromium", "/Applications/Google Chrome.app/Contents/MacOS/Google Chrome",
    };

    public static string? ExecutablePath { get; } = Find();

    /// <summary>True when a missing browser must fail the run (CI), not skip the tests.</summary>
    public static bool Required => Environment.GetEnvironmentVariable(RequireVariable) == "1";

    public static string MissingMessage =>
        $"No Chromium found (looked at ${PathVariable} and {string.Join(", ", Candidates)}). " +
        "Install it (Debian/Ubuntu: sudo apt-get install chromium) or point " + PathVariable + " at a Chromium or Chrome executable.";

    private static string? Find()
    {
        string? configured = Environment.GetEnvironmentVariable(PathVariable);
        if (!string.IsNullOrEmpty(configured))
        {
            return File.Exists(configured) ? configured : null;
        }

        return Candidates.FirstOrDefault(File.Exists);
    }
}
