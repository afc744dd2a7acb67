using System.Net;
using Bunit;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using RiskPlatform.Web.Client;
using RiskPlatform.Web.ComponentTests.Support;
using RiskPlatform.Web.Pages;

namespace RiskPlatform.Web.ComponentTests.Pages;

/// <summary>The dashboard's figures and chart follow the hub's <c>portfolio_marked</c> pushes, and are read again only without the hub.</summary>
public sealed class DashboardTests : WebAppTest
{
    private static readonly DateTime Ten = new(2026, 3, 2, 10, 0, 0, DateTimeKind.Utc);

    private const string Risk = """
        {"account_value":100000,"cash":100000,"buying_power":200000,"total_position_value":0,"number_of_positions":0,"daily_pl":0,
         "daily_pl_percent":0,"leverage":0,"current_drawdown":0,"current_drawdown_percent":0,"high_water_mark":100000,
         "trading_state":"active","trading_state_reason":null,"trading_state_since":"2026-03-02T09:00:00Z","rule_utilisation":[]}
        """;

    private const string History = """
        {"from":"2026-03-01T10:00:00Z","to":"2026-03-02T10:00:00Z","interval":"minute","points":[
         {"at":"2026-03-02T09:58:00Z","equity":100000,"drawdown":0,"drawdown_percent":0},
         {"at":"2026-03-02T10:00:00Z","equity":100000,"drawdown":0,"drawdown_percent":0}]}
        """;

    private readonly FakeTimeProvider _time = new(new DateTimeOffset(Ten));

    public DashboardTests() => Services.AddSingleton<TimeProvider>(_time);

    [Fact]
    public async Task PushedMark_WhileConnected_UpdatesTheFiguresAndAddsAChartPointWithoutReadingAgain()
    {
        await SignedInAsync();
        Api.On(HttpMethod.Get, "risk-rules/portfolio-risk", HttpStatusCode.OK, Risk)
            .On(HttpMethod.Get, "risk-rules/portfolio-risk/history", HttpStatusCode.OK, History)
            .On(HttpMethod.Get, "risk-rules/portfolio-risk", HttpStatusCode.OK, Risk) // read once more when the hub comes up
            .On(HttpMethod.Get, "risk-rules/portfolio-risk/history", HttpStatusCode.OK, History);
        var feed = Services.GetRequiredService<OfflineNotificationFeed>();
        var cut = Render<Dashboard>();
        cut.WaitForAssertion(() => Assert.Contains("$100,000.00", cut.Find("[data-testid=account-value]").TextContent, StringComparison.Ordinal));
        await feed.SetLive(true);
        cut.WaitForAssertion(() => Assert.Equal(2, Api.Requests.Count(r => r.Path == "risk-rules/portfolio-risk")), TimeSpan.FromSeconds(5));

        feed.ReceiveMark(new PortfolioMark(
            Equity: 98_500m, Cash: 99_000m, DailyPl: -1_500m, DailyPlPercent: -1.5m, CurrentDrawdown: 1_500m, CurrentDrawdownPercent: 1.5m,
            HighWaterMark: 100_000m, TradingState: "halted", TradingStateReason: "DAILY_LOSS", MarkedAt: Ten.AddMinutes(1)));

        cut.WaitForAssertion(() => Assert.Contains("$98,500.00", cut.Find("[data-testid=account-value]").TextContent, StringComparison.Ordinal));
        Assert.Contains("$99,000.00", cut.Markup, StringComparison.Ordinal); // cash
        Assert.Contains("-$1,500.00 (-1.5 %)", cut.Markup, StringComparison.Ordinal);
        Assert.Equal("halted", cut.Find("[data-testid=trading-state]").TextContent);
        Assert.Equal("DAILY_LOSS", cut.Find("[data-testid=trading-state-reason]").TextContent);
        var chart = cut.Find("[data-testid=equity-chart]");
        Assert.Equal("3", chart.GetAttribute("data-points"));
        Assert.Equal("98500", chart.GetAttribute("data-last-equity"));

        // An older mark arriving late changes nothing; a newer one after it moves the chart on.
        feed.ReceiveMark(new PortfolioMark(100_000m, 100_000m, 0m, 0m, 0m, 0m, 100_000m, "active", null, Ten.AddSeconds(30)));
        feed.ReceiveMark(new PortfolioMark(98_700m, 99_000m, -1_300m, -1.3m, 1_300m, 1.3m, 100_000m, "halted", "DAILY_LOSS", Ten.AddMinutes(2)));
        cut.WaitForAssertion(() => Assert.Equal("98700", cut.Find("[data-testid=equity-chart]").GetAttribute("data-last-equity")));
        Assert.Equal("4", cut.Find("[data-testid=equity-chart]").GetAttribute("data-points"));
        Assert.Equal(2, Api.Requests.Count(r => r.Path == "risk-rules/portfolio-risk"));
    }

    [Fact]
    public async Task SlowPoll_WhileTheHubIsDisconnected_ReadsTheFiguresAgain()
    {
        await SignedInAsync();
        Api.On(HttpMethod.Get, "risk-rules/portfolio-risk", HttpStatusCode.OK, Risk)
            .On(HttpMethod.Get, "risk-rules/portfolio-risk/history", HttpStatusCode.OK, History)
            .On(HttpMethod.Get, "risk-rules/portfolio-risk", HttpStatusCode.OK, Risk.Replace("\"account_value\":100000", "\"account_value\":100250", StringComparison.Ordinal))
            .On(HttpMethod.Get, "risk-rules/portfolio-risk/history", HttpStatusCode.OK, History);
        var cut = Render<Dashboard>();
        cut.WaitForAssertion(() => Assert.Contains("$100,000.00", cut.Find("[data-testid=account-value]").TextContent, StringComparison.Ordinal));

        _time.Advance(Dashboard.FallbackRefreshEvery);

        cut.WaitForAssertion(() => Assert.Contains("$100,250.00", cut.Find("[data-testid=account-value]").TextContent, StringComparison.Ordinal));
    }
}
