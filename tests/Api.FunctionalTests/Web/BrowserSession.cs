using System.Diagnostics;
using Microsoft.Playwright;

namespace RiskPlatform.Api.FunctionalTests.Web;

/// <summary>
/// Debian's headless Chromium driven by Playwright (its own browser download does not exist here). Screenshots go to
/// <c>e2e-screenshots/</c> in the test output folder.
/// </summary>
internal sealed class BrowserSession : IAsyncDisposable
{
    public const string ChromiumPath = "/usr/bin/chromium";

    private readonly IPlaywright _playwright;

    private BrowserSession(IPlaywright playwright, IBrowser browser)
    {
        _playwright = playwright;
        Browser = browser;
    }

    public IBrowser Browser { get; }

    public static string ScreenshotFolder { get; } = Path.Combine(AppContext.BaseDirectory, "e2e-screenshots");

    /// <summary>Why the browser tests cannot run here, or null when they can.</summary>
    public static string? UnavailableReason => File.Exists(ChromiumPath)
        ? null
        : $"{ChromiumPath} is missing: install Debian's chromium package (scripts/test-services.sh does) to run the browser tests.";

    public static async Task<BrowserSession> LaunchAsync()
    {
        // Web-first assertions wait as long as actions do (Playwright's default is 5 s): on a loaded 2-core CI machine the first
        // dashboard of a fresh service compiles its code and can take longer. Load times are measured and checked separately.
        Assertions.SetDefaultExpectTimeout(20_000);
        var playwright = await Playwright.CreateAsync();
        var browser = await playwright.Chromium.LaunchAsync(new() { ExecutablePath = ChromiumPath, Args = ["--no-sandbox"], Headless = true });
        return new BrowserSession(playwright, browser);
    }

    public static async Task<IPage> NewPageAsync(IBrowserContext context)
    {
        var page = await context.NewPageAsync();
        page.SetDefaultTimeout(20_000);
        return page;
    }

    public static async Task ScreenshotAsync(IPage page, string name)
    {
        Directory.CreateDirectory(ScreenshotFolder);
        await page.ScreenshotAsync(new() { Path = Path.Combine(ScreenshotFolder, name + ".png"), FullPage = true });
    }

    /// <summary>Opens <paramref name="url"/> and times it until <paramref name="ready"/> is visible; also sums the bytes transferred.</summary>
    public static async Task<PageLoad> TimeLoadAsync(IPage page, string url, string ready)
    {
        var stopwatch = Stopwatch.StartNew();
        await page.GotoAsync(url);
        await page.Locator(ready).First.WaitForAsync(new() { State = WaitForSelectorState.Visible });
        stopwatch.Stop();
        var bytes = await page.EvaluateAsync<double[]>("""
            () => [...performance.getEntriesByType('navigation'), ...performance.getEntriesByType('resource')]
                .reduce(([sent, decoded], e) => [sent + e.transferSize, decoded + e.decodedBodySize], [0, 0])
            """);
        return new PageLoad(stopwatch.Elapsed, (long)bytes[0], (long)bytes[1]);
    }

    public async ValueTask DisposeAsync()
    {
        await Browser.DisposeAsync();
        _playwright.Dispose();
    }
}

/// <summary>One timed page load: until usable, the bytes over the wire (compressed, with headers) and after decoding.</summary>
internal sealed record PageLoad(TimeSpan Elapsed, long TransferredBytes, long DecodedBytes)
{
    public override string ToString() =>
        $"{Elapsed.TotalMilliseconds:0} ms, {TransferredBytes / 1024.0:0.0} KiB transferred ({DecodedBytes / 1024.0:0.0} KiB decoded)";
}
