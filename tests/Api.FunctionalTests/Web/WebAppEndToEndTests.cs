using System.Globalization;
using System.Net;
using Microsoft.Playwright;
using OtpNet;
using RiskPlatform.Api.FunctionalTests.Actors;
using RiskPlatform.Api.FunctionalTests.Infrastructure;
using RiskPlatform.Infrastructure.Persistence;
using RiskPlatform.TestSupport;
using static Microsoft.Playwright.Assertions;

namespace RiskPlatform.Api.FunctionalTests.Web;

/// <summary>
/// The web app in a real headless Chromium against the real service (its own process on SQLite, Kestrel on a free port): a new
/// trader does what the app is for, as a person would, and every page is saved as a screenshot. The cold loads of the sign-in page
/// and the dashboard are timed and written to <c>e2e-screenshots/load-times.txt</c> (docs/PERFORMANCE.md records them).
/// </summary>
public sealed class WebAppEndToEndTests : IAsyncLifetime
{
    private const string Password = "Correct-Horse-42";
    private const string Secret = "sk-e2e-secret-0123456789abcdef";
    private const string SignInButton = "form button[type=submit]:has-text('Sign in')";
    private static readonly PageGetByLabelOptions Exact = new() { Exact = true };

    private readonly string _database = SqliteTestFiles.NewPath("e2e");
    private ServiceProcess? _service;
    private BrowserSession? _browser;
    private bool _feedRegistered;

    private string Url(string path) => new Uri(_service!.BaseAddress, path).ToString();

    public async ValueTask InitializeAsync()
    {
        Assert.SkipWhen(BrowserSession.UnavailableReason is not null, BrowserSession.UnavailableReason ?? string.Empty);
        // The browser's push subscription points at a loopback stand-in for its push service (BrowserPushAsync); the inbox gets
        // more than a page of test notifications (InfiniteScrollAsync).
        var settings = new Dictionary<string, string?>
        {
            ["Notifications:Webhooks:AllowLoopback"] = "true",
            ["Notifications:TestNotificationsPerHour"] = "100",
        };
        _service = await ServiceProcess.StartAsync(DatabaseProvider.Sqlite, $"Data Source={_database}", settings, TestContext.Current.CancellationToken);
        _browser = await BrowserSession.LaunchAsync();
    }

    [Fact]
    public async Task Trader_RegistersBlocksAnOrderSeesTheBreachLiveAddsAKeyHaltsResumesAndWatchesTheChart()
    {
        await PublishQuoteAsync("AAPL", 100m);
        var email = $"trader-{Guid.NewGuid():N}@example.com";
        await using var context = await _browser!.Browser.NewContextAsync(new() { ViewportSize = new() { Width = 1280, Height = 900 } });
        var page = await BrowserSession.NewPageAsync(context);

        // The first page the service ever serves (its code not yet compiled) in a new browser context (empty cache), until the
        // sign-in form is usable.
        var firstLoad = await BrowserSession.TimeLoadAsync(page, Url("/"), SignInButton);
        await Expect(page).ToHaveURLAsync(Url("/signin"));
        await BrowserSession.ScreenshotAsync(page, "01-sign-in");

        await page.GetByRole(AriaRole.Button, new() { Name = "Create an account" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Create an account");
        await page.GetByLabel("Full name", Exact).FillAsync("Eve Trader");
        await page.GetByLabel("Email", Exact).FillAsync(email);
        await page.GetByLabel("Password", Exact).FillAsync(Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Create account" }).ClickAsync();
        await Expect(page.GetByTestId("account-value")).ToContainTextAsync("$100,000.00");
        await Expect(page.GetByTestId("trading-state")).ToHaveTextAsync("active");

        // Cold load of the dashboard in a new context that has only the stored session (a reload in a fresh browser).
        await using var reloaded = await _browser.Browser.NewContextAsync(new() { StorageState = await context.StorageStateAsync() });
        var dashboardPage = await BrowserSession.NewPageAsync(reloaded);
        var dashboardLoad = await BrowserSession.TimeLoadAsync(dashboardPage, Url("/"), "[data-testid=account-value]");
        await Expect(dashboardPage.GetByTestId("account-value")).ToContainTextAsync("$100,000.00");
        await using var anonymous = await _browser.Browser.NewContextAsync();
        var signInLoad = await BrowserSession.TimeLoadAsync(await BrowserSession.NewPageAsync(anonymous), Url("/signin"), SignInButton);
        await RecordLoadTimesAsync(firstLoad, signInLoad, dashboardLoad);

        // A rule: the API's validation shows beside the field, then the rule is created.
        await OpenAsync(page, "Risk rules");
        await page.GetByRole(AriaRole.Button, new() { Name = "Create rule" }).ClickAsync();
        await Expect(page.Locator(".field-error[data-field=name]")).ToBeVisibleAsync();
        await page.GetByLabel("Name", Exact).FillAsync("Max order value");
        await page.GetByLabel("Rule type", Exact).SelectOptionAsync("max_order_value");
        await page.GetByLabel("Threshold", Exact).FillAsync("1000");
        await page.GetByLabel("Unit", Exact).SelectOptionAsync("dollars");
        await page.GetByLabel("Action", Exact).SelectOptionAsync("block");
        await page.GetByRole(AriaRole.Button, new() { Name = "Create rule" }).ClickAsync();
        await Expect(page.Locator("tr[data-rule='Max order value']")).ToBeVisibleAsync();
        await BrowserSession.ScreenshotAsync(page, "02-risk-rules");

        // An order the rule blocks, with the reason; the breach notification arrives on the badge without a reload.
        await OpenAsync(page, "Orders");
        await page.GetByLabel("Symbol", Exact).FillAsync("AAPL");
        await page.GetByLabel("Quantity", Exact).FillAsync("50");
        await page.GetByRole(AriaRole.Button, new() { Name = "Place order" }).ClickAsync();
        var decision = page.GetByTestId("order-decision");
        await Expect(decision).ToContainTextAsync("Blocked.");
        await Expect(decision).ToContainTextAsync("Max order value");
        await Expect(page.GetByTestId("unread-badge")).ToHaveTextAsync("1");
        await BrowserSession.ScreenshotAsync(page, "03-order-blocked");

        // The rule's breach history holds the pre-trade breach.
        await OpenAsync(page, "Risk rules");
        await page.GetByRole(AriaRole.Link, new() { Name = "Breach history of Max order value" }).ClickAsync();
        await Expect(page.GetByTestId("breach")).ToHaveCountAsync(1);
        await Expect(page.GetByTestId("episode")).ToHaveTextAsync("— (pre-trade)");

        await OpenAsync(page, "Notifications");
        var notification = page.GetByTestId("notification").First;
        await Expect(notification).ToContainTextAsync("Max order value");
        await BrowserSession.ScreenshotAsync(page, "04-notifications");
        await notification.GetByRole(AriaRole.Button, new() { Name = "Mark read" }).ClickAsync();
        await Expect(page.GetByTestId("unread-badge")).ToHaveCountAsync(0);
        await Expect(notification).ToHaveClassAsync(new System.Text.RegularExpressions.Regex("\\bread\\b"));

        // A broker key: its secret is sent once and shown nowhere, not even after a reload.
        await OpenAsync(page, "Broker keys");
        await page.GetByLabel("Name", Exact).FillAsync("Paper key");
        await page.GetByLabel("API key", Exact).FillAsync("PKE2E1234567890");
        await page.GetByLabel("API secret", Exact).FillAsync(Secret);
        await page.GetByRole(AriaRole.Button, new() { Name = "Add key" }).ClickAsync();
        await Expect(page.Locator("tr[data-key='Paper key']")).ToBeVisibleAsync();
        await Expect(page.GetByLabel("API secret", Exact)).ToHaveValueAsync(string.Empty);
        Assert.DoesNotContain(Secret, await page.ContentAsync(), StringComparison.Ordinal);
        await page.ReloadAsync();
        await Expect(page.Locator("tr[data-key='Paper key']")).ToBeVisibleAsync();
        Assert.DoesNotContain(Secret, await page.ContentAsync(), StringComparison.Ordinal);
        await BrowserSession.ScreenshotAsync(page, "05-broker-keys");

        // Halt and resume from the dashboard.
        await OpenAsync(page, "Dashboard");
        await page.GetByLabel("Reason (optional)").FillAsync("E2E kill switch");
        await page.GetByRole(AriaRole.Button, new() { Name = "Halt trading" }).ClickAsync();
        await Expect(page.GetByTestId("trading-state")).ToHaveTextAsync("halted");
        await Expect(page.GetByTestId("trading-state-reason")).ToHaveTextAsync("E2E kill switch");
        var toast = page.GetByTestId("toast"); // the halt is an urgent notification, pushed by the hub
        await Expect(toast).ToContainTextAsync("E2E kill switch");
        await BrowserSession.ScreenshotAsync(page, "06-dashboard-halted");
        await toast.GetByRole(AriaRole.Button, new() { Name = "Dismiss" }).ClickAsync();
        await Expect(toast).ToHaveCountAsync(0);
        await page.GetByRole(AriaRole.Button, new() { Name = "Resume trading" }).ClickAsync();
        await Expect(page.GetByTestId("trading-state")).ToHaveTextAsync("active");

        // An order that passes, then a quote: the dashboard's chart follows without a reload.
        await OpenAsync(page, "Orders");
        await page.GetByLabel("Symbol", Exact).FillAsync("AAPL");
        await page.GetByLabel("Quantity", Exact).FillAsync("5");
        await page.GetByRole(AriaRole.Button, new() { Name = "Place order" }).ClickAsync();
        await Expect(page.GetByTestId("order-decision")).ToContainTextAsync("Accepted.");
        await OpenAsync(page, "Dashboard");
        var chart = page.GetByTestId("equity-chart");
        await Expect(chart).ToHaveAttributeAsync("data-last-equity", "100000");
        await PublishQuoteAsync("AAPL", 120m);
        // Pushed (portfolio_marked after the monitor run the quote queues): sooner than the dashboard's fallback poll could read it.
        await Expect(chart).ToHaveAttributeAsync("data-last-equity", "100100", new() { Timeout = 15_000 });
        await Expect(page.GetByTestId("account-value")).ToContainTextAsync("$100,100.00");
        await BrowserSession.ScreenshotAsync(page, "07-dashboard");

        await BacktestAndAnalyticsAsync(page);

        await BrowserPushAsync(page, context, email);
        await InfiniteScrollAsync(page, email);

        // Two-step sign-in: the secret is on the page only until a code confirms it, the recovery codes only until dismissed.
        await OpenAsync(page, "Security");
        await page.GetByRole(AriaRole.Button, new() { Name = "Set up an authenticator app" }).ClickAsync();
        var secret = (await page.GetByTestId("totp-secret").TextContentAsync())!;
        await page.GetByLabel("Code", Exact).FillAsync(new Totp(Base32Encoding.ToBytes(secret)).ComputeTotp(DateTime.UtcNow));
        await page.GetByRole(AriaRole.Button, new() { Name = "Confirm" }).ClickAsync();
        var recoveryCodes = page.GetByTestId("recovery-codes").Locator("code");
        await Expect(recoveryCodes).ToHaveCountAsync(10);
        var recoveryCode = (await recoveryCodes.First.TextContentAsync())!;
        Assert.DoesNotContain(secret, await page.ContentAsync(), StringComparison.Ordinal);
        await BrowserSession.ScreenshotAsync(page, "08-security-recovery-codes");
        await page.GetByRole(AriaRole.Button, new() { Name = "I have saved them" }).ClickAsync();
        await Expect(page.GetByTestId("two-factor-state")).ToContainTextAsync("10 recovery codes left");
        Assert.DoesNotContain(recoveryCode, await page.ContentAsync(), StringComparison.Ordinal);

        // With TOTP on, adding a broker key needs a recent second factor: the app asks for a code, steps up and adds the key.
        await OpenAsync(page, "Broker keys");
        await page.GetByLabel("Name", Exact).FillAsync("Second key");
        await page.GetByLabel("API key", Exact).FillAsync("PKE2E0987654321");
        await page.GetByLabel("API secret", Exact).FillAsync(Secret);
        await page.GetByRole(AriaRole.Button, new() { Name = "Add key" }).ClickAsync();
        var stepUp = page.GetByRole(AriaRole.Dialog);
        var code = page.GetByLabel("Authenticator or recovery code", Exact);
        await Expect(stepUp).ToBeVisibleAsync();
        await Expect(code).ToBeFocusedAsync();
        // Escape closes it as Cancel does: the key is not added and the page says why.
        await page.Keyboard.PressAsync("Escape");
        await Expect(stepUp).ToHaveCountAsync(0);
        await Expect(page.GetByText("Not done: the code was not given.")).ToBeVisibleAsync();
        await Expect(page.Locator("tr[data-key='Second key']")).ToHaveCountAsync(0);
        await page.GetByLabel("Name", Exact).FillAsync("Second key");
        await page.GetByLabel("API key", Exact).FillAsync("PKE2E0987654321");
        await page.GetByLabel("API secret", Exact).FillAsync(Secret);
        await page.GetByRole(AriaRole.Button, new() { Name = "Add key" }).ClickAsync();
        await Expect(code).ToBeFocusedAsync();
        // Tab and Shift+Tab stay inside the dialog: past either end, focus comes back in at the other.
        var cancel = stepUp.GetByRole(AriaRole.Button, new() { Name = "Cancel" });
        await page.Keyboard.PressAsync("Shift+Tab");
        await Expect(cancel).ToBeFocusedAsync();
        await page.Keyboard.PressAsync("Tab");
        await Expect(code).ToBeFocusedAsync();
        await page.Keyboard.PressAsync("Tab");
        await page.Keyboard.PressAsync("Tab");
        await Expect(cancel).ToBeFocusedAsync();
        await page.Keyboard.PressAsync("Tab");
        await Expect(code).ToBeFocusedAsync();
        await code.FillAsync("000000");
        await stepUp.GetByRole(AriaRole.Button, new() { Name = "Confirm" }).ClickAsync();
        await Expect(stepUp.Locator(".field-error[data-field=code]")).ToHaveTextAsync("The code is not valid.");
        await BrowserSession.ScreenshotAsync(page, "09-step-up-wrong-code");
        // The step after the one that confirmed the authenticator: unused, and within the accepted drift.
        await code.FillAsync(new Totp(Base32Encoding.ToBytes(secret)).ComputeTotp(DateTime.UtcNow.AddSeconds(30)));
        await stepUp.GetByRole(AriaRole.Button, new() { Name = "Confirm" }).ClickAsync();
        await Expect(stepUp).ToHaveCountAsync(0);
        await Expect(page.Locator("tr[data-key='Second key']")).ToBeVisibleAsync();
        await Expect(page.GetByLabel("API secret", Exact)).ToHaveValueAsync(string.Empty);
        Assert.DoesNotContain(Secret, await page.ContentAsync(), StringComparison.Ordinal);

        await PhoneSizedPagesAsync(await context.StorageStateAsync());

        // Sign out ends the session in this tab and in storage.
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign out", Exact = true }).ClickAsync();
        await Expect(page).ToHaveURLAsync(Url("/signin"));
        await page.GotoAsync(Url("/orders"));
        await Expect(page).ToHaveURLAsync(Url("/signin"));

        // Signing in again takes the password, then the second step (here a recovery code).
        await page.GetByLabel("Email", Exact).FillAsync(email);
        await page.GetByLabel("Password", Exact).FillAsync(Password);
        await page.Locator(SignInButton).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Two-step sign-in");
        await page.GetByLabel("Code", Exact).FillAsync(recoveryCode);
        await page.GetByRole(AriaRole.Button, new() { Name = "Verify" }).ClickAsync();
        await Expect(page.GetByTestId("account-value")).ToContainTextAsync("$100,100.00");
    }

    /// <summary>
    /// Browser push from the Delivery settings page: the real push.js registers the real service worker and subscribes with the
    /// service's VAPID key, and the subscription is stored through the API. Only <c>PushManager</c>'s subscription is a stand-in:
    /// the browser's own push service (Google's, for Chromium) is out of reach here, so the stand-in makes a real P-256 key pair and
    /// auth secret and an endpoint on loopback. A push delivered to the worker (DevTools' <c>ServiceWorker.deliverPushMessage</c>)
    /// shows as a notification. Turning push off removes the row.
    /// </summary>
    private async Task BrowserPushAsync(IPage page, IBrowserContext context, string email)
    {
        const string WorkerScope = "/_content/RiskPlatform.Web/";
        var origin = _service!.BaseAddress.GetLeftPart(UriPartial.Authority);
        await context.GrantPermissionsAsync(["notifications"], new() { Origin = origin });
        await context.AddInitScriptAsync("""
            (() => {
              const encode = bytes => btoa(String.fromCharCode(...new Uint8Array(bytes))).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
              let current = null;
              PushManager.prototype.getSubscription = async () => current;
              PushManager.prototype.subscribe = async options => {
                const pair = await crypto.subtle.generateKey({ name: 'ECDH', namedCurve: 'P-256' }, true, ['deriveBits']);
                const keys = { p256dh: encode(await crypto.subtle.exportKey('raw', pair.publicKey)), auth: encode(crypto.getRandomValues(new Uint8Array(16))) };
                const endpoint = 'http://127.0.0.1:9/push/e2e-' + crypto.randomUUID();
                window.pushKeyUsed = encode(options.applicationServerKey);
                current = { endpoint, expirationTime: null, toJSON: () => ({ endpoint, expirationTime: null, keys }), unsubscribe: async () => { current = null; return true; } };
                return current;
              };
            })();
            """);
        await page.GotoAsync(Url("/notifications/settings"));
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Delivery settings");
        var state = page.GetByTestId("push-state");
        await Expect(state).ToHaveAttributeAsync("data-state", "off");

        await page.GetByRole(AriaRole.Button, new() { Name = "Turn on in this browser" }).ClickAsync();

        await Expect(state).ToHaveAttributeAsync("data-state", "subscribed");
        await Expect(page.GetByTestId("push-subscription")).ToContainTextAsync("127.0.0.1 (this browser)");
        await BrowserSession.ScreenshotAsync(page, "10-browser-push");
        using var api = new ApiClient(new HttpClient { BaseAddress = _service.BaseAddress });
        await api.SignInAsync(email, Password);
        var publicKey = (await api.GetAsync("/api/v1/notifications/push-subscriptions/vapid-public-key")).EnsureStatus(HttpStatusCode.OK).Body!["public_key"]!.GetValue<string>();
        Assert.Equal(publicKey, await page.EvaluateAsync<string>("() => window.pushKeyUsed"));
        var stored = (await api.GetAsync("/api/v1/notifications/push-subscriptions")).EnsureStatus(HttpStatusCode.OK).Body!.AsArray();
        Assert.StartsWith("http://127.0.0.1:9/push/e2e-", Assert.Single(stored)!["endpoint"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal(Url(WorkerScope + "push-sw.js"),
            await page.EvaluateAsync<string>($"async () => (await navigator.serviceWorker.getRegistration('{WorkerScope}')).active.scriptURL"));

        // What the service pushes, delivered to the real worker: it shows the notification.
        var cdp = await context.NewCDPSessionAsync(page);
        var registrationId = new TaskCompletionSource<string>(TaskCreationOptions.RunContinuationsAsynchronously);
        cdp.Event("ServiceWorker.workerRegistrationUpdated").OnEvent += (_, payload) =>
        {
            foreach (var registration in payload!.Value.GetProperty("registrations").EnumerateArray())
            {
                if (registration.GetProperty("scopeURL").GetString()!.EndsWith(WorkerScope, StringComparison.Ordinal))
                {
                    registrationId.TrySetResult(registration.GetProperty("registrationId").GetString()!);
                }
            }
        };
        await cdp.SendAsync("ServiceWorker.enable");
        await cdp.SendAsync("ServiceWorker.deliverPushMessage", new()
        {
            ["origin"] = origin,
            ["registrationId"] = await registrationId.Task.WaitAsync(TimeSpan.FromSeconds(20), TestContext.Current.CancellationToken),
            ["data"] = """{"id":"0193c1a0-0000-7000-8000-0000000000e2","type":"risk_breach","priority":"urgent","title":"RiskPlatform: E2E push","body":"Shown by the worker.","created_at":"2026-12-06T12:00:00Z","url":"/notifications"}""",
        });
        var shown = await Eventually.ReturnsAsync(
            () => page.EvaluateAsync<string[]>($"async () => (await (await navigator.serviceWorker.getRegistration('{WorkerScope}')).getNotifications()).map(n => n.title + ' | ' + n.body)"),
            titles => titles.Length > 0, TimeSpan.FromSeconds(20), "the worker shows the pushed notification");
        Assert.Equal(["RiskPlatform: E2E push | Shown by the worker."], shown);

        await page.GetByRole(AriaRole.Button, new() { Name = "Turn off in this browser" }).ClickAsync();
        await Expect(state).ToHaveAttributeAsync("data-state", "off");
        Assert.Empty((await api.GetAsync("/api/v1/notifications/push-subscriptions")).EnsureStatus(HttpStatusCode.OK).Body!.AsArray());
    }

    /// <summary>
    /// The inbox pages by 50: scrolling to the end of the list loads the older ones (scroll.js's observer, no button pressed)
    /// until none are left. The test notifications are marked read afterwards so the badge stays as the rest of the scenario expects.
    /// </summary>
    private async Task InfiniteScrollAsync(IPage page, string email)
    {
        using var api = new ApiClient(new HttpClient { BaseAddress = _service!.BaseAddress });
        await api.SignInAsync(email, Password);
        for (var i = 0; i < 55; i++)
        {
            (await api.PostAsync("/api/v1/notifications/test", new { priority = "low" })).EnsureStatus(HttpStatusCode.Created);
        }

        var total = (await api.GetAsync("/api/v1/notifications?limit=200")).EnsureStatus(HttpStatusCode.OK).Body!.AsArray().Count;
        Assert.InRange(total, 56, 100);
        await OpenAsync(page, "Notifications");
        var items = page.GetByTestId("notification");
        await Expect(items).ToHaveCountAsync(50);

        await page.GetByTestId("list-end").ScrollIntoViewIfNeededAsync();

        await Expect(items).ToHaveCountAsync(total);
        await Expect(page.GetByTestId("list-end")).ToHaveCountAsync(0);
        Assert.Equal(0, await page.GetByRole(AriaRole.Button, new() { Name = "Show older" }).CountAsync());
        (await api.PutAsync("/api/v1/notifications/mark-all-read")).EnsureStatus(HttpStatusCode.OK);
        await Expect(page.GetByTestId("unread-badge")).ToHaveCountAsync(0);
    }

    /// <summary>
    /// Price history drives two pages. Before any daily bar is stored the analytics of the held AAPL say that the history is too
    /// short; then the operator imports six weeks of AAPL and SPY bars. A backtest over them shows its chart, with the day the
    /// trader's "Max order value" rule blocked an order marked; the analytics then show AAPL's volatility, beta to SPY and the VaR,
    /// and AAPL's price chart by day and by minute.
    /// </summary>
    private async Task BacktestAndAnalyticsAsync(IPage page)
    {
        await OpenAsync(page, "Analytics");
        await Expect(page.GetByTestId("insufficient-history")).ToContainTextAsync("need 20");
        var aapl = page.Locator("[data-testid=analytics-position][data-symbol=AAPL]");
        await Expect(aapl.GetByTestId("volatility")).ToHaveTextAsync("insufficient history (0 of 20 daily returns)");
        await Expect(page.GetByTestId("var-insufficient")).ToBeVisibleAsync();

        var days = await ImportDailyBarsAsync(["AAPL", "SPY"], 30);
        await OpenAsync(page, "Backtest");
        await page.GetByLabel("Orders (CSV: date, symbol, side, qty[, type, limit_price])").FillAsync(
            $"date,symbol,side,qty\n{days[10]:yyyy-MM-dd},AAPL,buy,5\n{days[20]:yyyy-MM-dd},AAPL,buy,50\n");
        await page.GetByLabel("From (optional)").FillAsync($"{days[0]:yyyy-MM-dd}");
        await page.GetByLabel("To (optional)").FillAsync($"{days[^1]:yyyy-MM-dd}");
        await page.GetByRole(AriaRole.Button, new() { Name = "Run backtest" }).ClickAsync();
        var chart = page.GetByTestId("backtest-chart");
        await Expect(chart).ToHaveAttributeAsync("data-points", days.Count.ToString(CultureInfo.InvariantCulture));
        await Expect(chart.Locator("polyline.equity")).ToHaveCountAsync(1);
        await Expect(chart.Locator("polyline.comparison")).ToHaveCountAsync(2);
        var blocked = chart.Locator("line.marker.blocked");
        await Expect(blocked).ToHaveCountAsync(1);
        await Expect(blocked).ToHaveAttributeAsync("data-index", "20");
        await Expect(blocked.Locator("title")).ToHaveTextAsync($"{days[20]:yyyy-MM-dd}: buy 50 AAPL blocked by Max order value");
        await Expect(page.GetByTestId("backtest-chart-marks")).ToContainTextAsync("1 day with an order blocked");
        // Drawn, not only in the DOM: the equity line has a box on the page.
        Assert.True((await chart.Locator("polyline.equity").BoundingBoxAsync())?.Width > 100);
        await BrowserSession.ScreenshotAsync(page, "11-backtest-chart");

        await OpenAsync(page, "Analytics");
        await Expect(aapl.GetByTestId("volatility")).ToHaveTextAsync(new System.Text.RegularExpressions.Regex(@"^\d+(\.\d+)? %$"));
        await Expect(aapl.GetByTestId("beta")).ToHaveTextAsync(new System.Text.RegularExpressions.Regex(@"^-?\d+\.\d\d$"));
        await Expect(page.GetByTestId("var-level")).ToHaveCountAsync(2);
        await Expect(page.GetByTestId("correlation").Locator("td")).ToHaveTextAsync(["1.00"]);
        await Expect(page.GetByTestId("insufficient-history")).ToHaveCountAsync(0);
        await BrowserSession.ScreenshotAsync(page, "12-analytics");

        // The price chart offers the held AAPL: its daily bars are the import's and today's, which the quotes built; switched to
        // 1m it reads the minute bars of the last trading day through today, which the quotes published in this test built.
        await Expect(page.GetByLabel("Symbol", Exact)).ToHaveValueAsync("AAPL");
        await page.GetByRole(AriaRole.Button, new() { Name = "Show", Exact = true }).ClickAsync();
        var prices = page.GetByTestId("price-chart");
        await Expect(prices).ToHaveAttributeAsync("data-interval", "day");
        await Expect(prices).ToHaveAttributeAsync("data-bars", (days.Count + 1).ToString(CultureInfo.InvariantCulture));
        await page.GetByRole(AriaRole.Button, new() { Name = "1m", Exact = true }).ClickAsync();
        await Expect(prices).ToHaveAttributeAsync("data-interval", "minute");
        await Expect(prices).ToHaveAttributeAsync("data-bars", new System.Text.RegularExpressions.Regex("^[1-9][0-9]*$"));
        await Expect(prices.Locator("figcaption")).ToContainTextAsync("minute bar");
        Assert.True((await prices.Locator("polyline.price").BoundingBoxAsync())?.Width > 100);
        await BrowserSession.ScreenshotAsync(page, "13-price-chart-minutes");
    }

    /// <summary>
    /// Imports <paramref name="count"/> weekdays of bars per symbol, ending a week ago (before the New York date the quotes' own bar
    /// is on), through the operator's command line; answers the dates, oldest first.
    /// </summary>
    private async Task<List<DateOnly>> ImportDailyBarsAsync(string[] symbols, int count)
    {
        var days = new List<DateOnly>();
        for (var day = DateOnly.FromDateTime(DateTime.UtcNow).AddDays(-7); days.Count < count; day = day.AddDays(-1))
        {
            if (day.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday))
            {
                days.Insert(0, day);
            }
        }

        var lines = new List<string> { "symbol,date,open,high,low,close,volume" };
        foreach (var (symbol, level) in symbols.Select((symbol, i) => (symbol, 100m * (i + 1))))
        {
            lines.AddRange(days.Select((day, i) =>
            {
                var close = Math.Round(level + (decimal)Math.Sin(i * 0.7 + (double)level) * 3m + i * 0.1m, 2);
                return string.Create(CultureInfo.InvariantCulture, $"{symbol},{day:yyyy-MM-dd},{close},{close + 1m},{close - 1m},{close},1000");
            }));
        }

        var path = Path.Combine(Path.GetTempPath(), $"e2e-bars-{Guid.NewGuid():N}.csv");
        await File.WriteAllLinesAsync(path, lines, TestContext.Current.CancellationToken);
        try
        {
            await ServiceProcess.RunCommandLineAsync(DatabaseProvider.Sqlite, $"Data Source={_database}", ["market", "import-bars", path], TestContext.Current.CancellationToken);
        }
        finally
        {
            File.Delete(path);
        }

        return days;
    }

    /// <summary>
    /// The main pages on a phone-sized screen (390 × 844, touch): each renders its heading, and nothing is wider than the screen
    /// (wide tables scroll inside their own box). Screenshots <c>phone-*.png</c>.
    /// </summary>
    private async Task PhoneSizedPagesAsync(string storageState)
    {
        const int PhoneWidth = 390;
        await using var phone = await _browser!.Browser.NewContextAsync(new()
        {
            StorageState = storageState, ViewportSize = new() { Width = PhoneWidth, Height = 844 }, IsMobile = true, HasTouch = true, DeviceScaleFactor = 2,
        });
        var page = await BrowserSession.NewPageAsync(phone);
        (string Path, string Heading)[] pages =
        [
            ("/", "Dashboard"), ("/rules", "Risk rules"), ("/orders", "Orders"), ("/notifications", "Notifications"),
            ("/notifications/settings", "Delivery settings"), ("/keys", "Broker keys"), ("/backtest", "Backtest"), ("/analytics", "Analytics"), ("/security", "Security"),
        ];
        foreach (var (path, heading) in pages)
        {
            await page.GotoAsync(Url(path));
            await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync(heading);
            await Expect(page.Locator(".loading")).ToHaveCountAsync(0);
            // Against the device width, not innerWidth: a mobile browser widens its layout viewport to fit content that is too wide.
            var width = await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth");
            Assert.True(width <= PhoneWidth, $"{path} is {width} px wide on a {PhoneWidth} px screen");
            await BrowserSession.ScreenshotAsync(page, "phone-" + (path == "/" ? "dashboard" : path.Trim('/').Replace('/', '-')));
        }
    }

    /// <summary>Follows a menu link and waits for its page: until then a label could still match a field of the page before.</summary>
    private static async Task OpenAsync(IPage page, string name)
    {
        await page.GetByRole(AriaRole.Navigation).GetByRole(AriaRole.Link, new() { Name = name }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync(name);
    }

    /// <summary>As the market-data feed (an admin): registered on the first quote, signed in on later ones.</summary>
    private async Task PublishQuoteAsync(string symbol, decimal price)
    {
        using var feed = new ApiClient(new HttpClient { BaseAddress = _service!.BaseAddress });
        if (_feedRegistered)
        {
            await feed.SignInAsync(RiskPlatformApiFactory.MarketFeedEmail, Password);
        }
        else
        {
            await feed.RegisterAsync(RiskPlatformApiFactory.MarketFeedEmail, Password);
            await ServiceProcess.RunCommandLineAsync(
                DatabaseProvider.Sqlite, $"Data Source={_database}", ["users", "grant-admin", RiskPlatformApiFactory.MarketFeedEmail], TestContext.Current.CancellationToken);
            await feed.SignInAsync(RiskPlatformApiFactory.MarketFeedEmail, Password);
            _feedRegistered = true;
        }

        (await feed.PutAsync($"/api/v1/market/quotes/{symbol}", new { price })).EnsureStatus(HttpStatusCode.OK);
    }

    private static async Task RecordLoadTimesAsync(PageLoad first, PageLoad signIn, PageLoad dashboard)
    {
        Directory.CreateDirectory(BrowserSession.ScreenshotFolder);
        var text = string.Create(CultureInfo.InvariantCulture, $"""
            sign-in page, first request the service serves (cold browser, cold service): {first}
            sign-in page (cold browser): {signIn}
            dashboard with a stored session (cold browser): {dashboard}

            """);
        await File.WriteAllTextAsync(Path.Combine(BrowserSession.ScreenshotFolder, "load-times.txt"), text, TestContext.Current.CancellationToken);
        TestContext.Current.SendDiagnosticMessage(text);

        // The targets (1 s, 2 s) are measured and recorded in docs/PERFORMANCE.md; on a loaded 2-core CI box only an order of
        // magnitude is enforced, so that a broken load (a missing script, a page that never renders) still fails here.
        Assert.True(signIn.Elapsed < TimeSpan.FromSeconds(10), $"sign-in page: {signIn}");
        Assert.True(dashboard.Elapsed < TimeSpan.FromSeconds(20), $"dashboard: {dashboard}");
    }

    public async ValueTask DisposeAsync()
    {
        if (_browser is not null)
        {
            await _browser.DisposeAsync();
        }

        if (_service is not null)
        {
            await _service.DisposeAsync();
        }

        SqliteTestFiles.Delete(_database);
    }
}
