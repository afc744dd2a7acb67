using System.Globalization;
using RiskPlatform.Api.Cli;
using RiskPlatform.Api.FunctionalTests.Infrastructure;
using RiskPlatform.Web.Client;
using RiskPlatform.Web.Session;

namespace RiskPlatform.Api.FunctionalTests.Web;

/// <summary>
/// The web app's typed client against the real service (the component tests stub it): the query strings, the multipart upload
/// and the bodies it builds are the ones the API reads, and the API's answers and problems read back into its models.
/// </summary>
[Collection(nameof(SqliteCollection))]
public sealed class WebClientRoundTripTests(SqliteApiFixture fixture) : FunctionalTest(fixture)
{
    private const string Password = "Correct-Horse-42";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private async Task<RiskPlatformClient> SignedInClientAsync()
    {
        var client = new RiskPlatformClient(Fixture.Factory.CreateClient(), new ApiSession(new MemoryStore()), new MfaStepUpPrompt(), TimeProvider.System);
        var email = $"web-{Guid.NewGuid():N}@example.com";
        await client.RegisterAsync(new RegisterRequest(email, Password, "Web Client"), Ct);
        Assert.False((await client.SignInAsync(email, Password, Ct)).NeedsSecondFactor);
        return client;
    }

    [Fact]
    public async Task Backtest_UploadedAsCsv_ReadsBackBothRunsAndACsvProblemNamesOrders()
    {
        var client = await SignedInClientAsync();
        await ImportBarsAsync();

        var answer = await client.RunBacktestAsync(new BacktestForm("date,symbol,side,qty\n2025-03-03,AAPL,buy,10\n", 100_000m, null, null), Ct);

        Assert.Null(answer.Job);
        Assert.Equal((1, 1), (answer.Result!.Inputs.Orders, answer.Result.WithRules.OrdersFilled));
        Assert.Equal("accepted", answer.Result.Orders[0].Decision);
        var problem = await Assert.ThrowsAsync<ApiProblemException>(() =>
            client.RunBacktestAsync(new BacktestForm("date,symbol,side,qty\n2025-03-03,AAPL,hold,10\n", null, null, null), Ct));
        Assert.Contains("line 2", Assert.Single(problem.For("orders")), StringComparison.Ordinal);
        var noBars = await Assert.ThrowsAsync<ApiProblemException>(() =>
            client.RunBacktestAsync(new BacktestForm("date,symbol,side,qty\n2025-03-03,NOPE,buy,1\n", null, null, null), Ct));
        Assert.NotEmpty(noBars.For("orders[0].symbol"));
    }

    [Fact]
    public async Task Backtest_WithDraftRules_JudgesWithTheDraftsAndNamesABadDraftsField()
    {
        var client = await SignedInClientAsync();
        await ImportBarsAsync();
        const string Orders = "date,symbol,side,qty\n2025-03-03,AAPL,buy,10\n";
        BacktestDraftRule Draft(decimal threshold) => new("Small orders only", "max_order_value", threshold, "dollars", "block", ["AAPL"], null);

        var answer = await client.RunBacktestAsync(new BacktestForm(Orders, 100_000m, null, null, [Draft(500m)]), Ct);

        Assert.Equal(("draft", 1), (answer.Result!.Inputs.RulesSource, answer.Result.Inputs.Rules));
        Assert.Equal("blocked", answer.Result.Orders[0].Decision);
        Assert.Equal("Small orders only", Assert.Single(answer.Result.Orders[0].Breaches).RuleName);
        var problem = await Assert.ThrowsAsync<ApiProblemException>(() =>
            client.RunBacktestAsync(new BacktestForm(Orders, 100_000m, null, null, [Draft(500m), Draft(0m)]), Ct));
        Assert.NotEmpty(problem.For("rules[1].threshold_value"));
    }

    [Fact]
    public async Task Analytics_WindowAndBenchmark_AreReadByTheApiAndABadWindowNamesItsField()
    {
        var client = await SignedInClientAsync();

        var analytics = await client.GetPortfolioAnalyticsAsync(" qqq ", 60, Ct);
        var defaults = await client.GetPortfolioAnalyticsAsync(null, null, Ct);

        Assert.Equal(("QQQ", 60), (analytics.Inputs.Benchmark, analytics.Inputs.LookbackDays));
        Assert.Equal(("SPY", 252, 20), (defaults.Inputs.Benchmark, defaults.Inputs.LookbackDays, defaults.Inputs.MinimumReturns));
        Assert.Empty(defaults.Positions);
        Assert.Null(defaults.ValueAtRisk);
        var problem = await Assert.ThrowsAsync<ApiProblemException>(() => client.GetPortfolioAnalyticsAsync("SPY", 5, Ct));
        Assert.NotEmpty(problem.For("lookback_days"));
    }

    [Fact]
    public async Task Notifications_FiltersAndCursor_AreReadByTheApi()
    {
        var client = await SignedInClientAsync();
        var api = Anonymous();
        api.UseTokens((await client.AccessTokenAsync(Ct))!, "unused");
        (await api.PostAsync("/api/v1/notifications/test", new { priority = "urgent" })).EnsureStatus(System.Net.HttpStatusCode.Created);
        (await api.PostAsync("/api/v1/notifications/test", new { priority = "low" })).EnsureStatus(System.Net.HttpStatusCode.Created);

        var urgent = await client.ListNotificationsAsync(new NotificationFilter(Priority: "urgent"), 50, cancellationToken: Ct);
        var newest = Assert.Single(await client.ListNotificationsAsync(new NotificationFilter(), 1, cancellationToken: Ct));
        var older = Assert.Single(await client.ListNotificationsAsync(new NotificationFilter(), 50, before: newest.Id, cancellationToken: Ct));

        Assert.Equal("urgent", Assert.Single(urgent).Priority);
        Assert.Equal(("low", "urgent"), (newest.Priority, older.Priority));
        Assert.Empty(await client.ListNotificationsAsync(new NotificationFilter(IsRead: true), 50, cancellationToken: Ct));
        Assert.Empty(await client.ListNotificationsAsync(new NotificationFilter(Type: "trading_halted"), 50, cancellationToken: Ct));
    }

    [Fact]
    public async Task Preferences_DefaultsFillTheWholeGridAndABadTimeZoneNamesIt()
    {
        var client = await SignedInClientAsync();

        await client.SetDefaultNotificationPreferencesAsync(Ct);
        var grid = await client.ListNotificationPreferencesAsync(Ct);
        var problem = await Assert.ThrowsAsync<ApiProblemException>(() =>
            client.UpdateNotificationPreferenceAsync(grid[0].Id, new NotificationPreferenceChange(TimeZone: "Mars/Olympus"), Ct));

        Assert.Equal(WireCatalog.NotificationTypes.Count * WireCatalog.NotificationChannels.Count, grid.Count);
        Assert.NotEmpty(problem.For("time_zone"));
    }

    [Fact]
    public async Task SecurityAndTradingAccount_ReadAndChangeThroughTheClient()
    {
        var client = await SignedInClientAsync();

        Assert.False((await client.GetCurrentUserAsync(Ct)).IsVerified);
        Assert.Equal(new TwoFactorStatus(false, false, null, 0), await client.GetTwoFactorStatusAsync(Ct));
        Assert.StartsWith("otpauth://totp/", (await client.SetUpTotpAsync(Ct)).OtpauthUri, StringComparison.Ordinal);
        Assert.True((await client.GetTwoFactorStatusAsync(Ct)).SetupPending);
        Assert.NotEmpty((await Assert.ThrowsAsync<ApiProblemException>(() => client.ConfirmTotpAsync("000000", Ct))).For("code"));
        Assert.Equal(("paper", "active"), ((await client.GetTradingAccountAsync(Ct)).Source, (await client.SetTradingAccountAsync(new TradingAccountChoice("paper", null), Ct)).Status));

        await client.SignOutEverywhereAsync(Ct);

        Assert.False(client.Session.IsSignedIn);
    }

    private async Task ImportBarsAsync()
    {
        var path = Path.Combine(Path.GetTempPath(), $"web-bars-{Guid.NewGuid():N}.csv");
        await File.WriteAllLinesAsync(path, ["symbol,date,open,high,low,close,volume", "AAPL,2025-03-03,100,101,99,100,1000"], TestContext.Current.CancellationToken);
        using var output = new StringWriter(CultureInfo.InvariantCulture);
        var exit = await MarketCommandLine.RunAsync(Fixture.Factory.Services, ["market", "import-bars", path], output, output, TestContext.Current.CancellationToken);
        File.Delete(path);
        Assert.True(exit == 0, output.ToString());
    }

    private sealed class MemoryStore : ISessionStore
    {
        private StoredSession? _stored;

        public ValueTask<StoredSession?> LoadAsync() => ValueTask.FromResult(_stored);

        public ValueTask SaveAsync(StoredSession session)
        {
            _stored = session;
            return ValueTask.CompletedTask;
        }

        public ValueTask ClearAsync()
        {
            _stored = null;
            return ValueTask.CompletedTask;
        }
    }
}
