namespace FreedomPay.Sandbox.BrowserTests.Infrastructure;

/// <summary>
/// A test that needs Chromium. Without one it is reported as skipped, with the reason and how to install it;
/// never as passed. With <c>FREEDOMPAY_REQUIRE_BROWSER=1</c> (as in .ci/run) it runs and fails instead.
/// </summary>
public sealed class BrowserFactAttribute : FactAttribute
{
    public BrowserFactAttribute()
    {
        if (Chromium.ExecutablePath is null && !Chromium.Required)
        {
            Skip = Chromium.MissingMessage;
        }
    }
}
