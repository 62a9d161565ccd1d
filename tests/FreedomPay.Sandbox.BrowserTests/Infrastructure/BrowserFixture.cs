using System;
using System.Threading.Tasks;
using Microsoft.Playwright;

namespace FreedomPay.Sandbox.BrowserTests.Infrastructure;

/// <summary>One headless Chromium for the test collection; each test opens its own context (cookies, viewport).</summary>
public sealed class BrowserFixture : IAsyncLifetime
{
    private IPlaywright? _playwright;
    private IBrowser? _browser;

    /// <summary>A phone-sized screen: the hosted page is what a buyer sees on a phone.</summary>
    public static readonly ViewportSize Phone = new() { Width = 390, Height = 844 };

    public static readonly ViewportSize Desktop = new() { Width = 1280, Height = 900 };

    /// <summary>
    /// How long an action or an expectation may wait for the state it needs. Tests wait for states (locators,
    /// expectations, the sandbox's own events), never for network idle or a fixed time, so a slow machine only makes
    /// them slower; the bound is generous so that a loaded CI machine (several busy processes on 2 cores) passes.
    /// </summary>
    public const float StateTimeoutMs = 60_000;

    public async Task InitializeAsync()
    {
        if (Chromium.ExecutablePath is null)
        {
            return; // the tests are skipped, or (browser required) fail in NewPageAsync with the reason
        }

        _playwright = await Playwright.CreateAsync();
        _browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = Chromium.ExecutablePath,
            Headless = true,
            // Chromium refuses to run as root (CI containers) without this; the pages are our own, on loopback.
            Args = new[] { "--no-sandbox" },
        });
    }

    public async Task<IPage> NewPageAsync(ViewportSize viewport)
    {
        IBrowser browser = _browser ?? throw new InvalidOperationException(Chromium.MissingMessage);
        IBrowserContext context = await browser.NewContextAsync(new BrowserNewContextOptions { ViewportSize = viewport, Locale = "en-US" });
        context.SetDefaultTimeout(StateTimeoutMs);
        context.SetDefaultNavigationTimeout(StateTimeoutMs);
        Assertions.SetDefaultExpectTimeout(StateTimeoutMs);
        return await context.NewPageAsync();
    }

    public async Task DisposeAsync()
    {
        if (_browser is not null)
        {
            await _browser.DisposeAsync();
        }

        _playwright?.Dispose();
    }
}

[CollectionDefinition(Name)]
public sealed class BrowserCollection : ICollectionFixture<BrowserFixture>
{
    public const string Name = "browser";
}
