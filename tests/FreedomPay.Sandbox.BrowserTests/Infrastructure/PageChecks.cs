using System;
using System.IO;
using System.Linq;
using System.Threading.Tasks;
using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;

namespace FreedomPay.Sandbox.BrowserTests.Infrastructure;

/// <summary>What every page a test visits goes through: a screenshot kept as an artifact, and an axe-core audit.</summary>
internal static class PageChecks
{
    /// <summary>artifacts/screenshots/ at the repository root (ignored by git; CI keeps it).</summary>
    public static string ScreenshotDirectory { get; } = Path.Combine(RepositoryRoot(), "artifacts", "screenshots");

    public static async Task ScreenshotAsync(IPage page, string name)
    {
        Directory.CreateDirectory(ScreenshotDirectory);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(ScreenshotDirectory, name + ".png"), FullPage = true });
    }

    /// <summary>Fails with every axe-core violation (WCAG 2.x A and AA rules and best practices) on the page.</summary>
    public static async Task AssertAccessibleAsync(IPage page)
    {
        AxeResult result = await page.RunAxe();
        string problems = string.Join("\n", result.Violations.Select(v =>
            $"{v.Id} ({v.Impact}): {v.Help} at {string.Join(", ", v.Nodes.Select(n => n.Target?.ToString()))}"));
        Assert.True(result.Violations.Length == 0, $"accessibility problems on {page.Url}:\n{problems}");
    }

    /// <summary>Screenshot, then audit: the picture exists even when the audit fails.</summary>
    public static async Task CheckAsync(IPage page, string name)
    {
        await ScreenshotAsync(page, name);
        await AssertAccessibleAsync(page);
    }

    private static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "FreedomPay.Generated.sln")))
            {
                return dir.FullName;
            }
        }

        return AppContext.BaseDirectory;
    }
}
