using System.Net;
using System.Text.Json.Nodes;
using RiskPlatform.Api.FunctionalTests.Infrastructure;
using RiskPlatform.Api.FunctionalTests.Trading;
using RiskPlatform.Domain.Portfolio.Monitoring;
using RiskPlatform.Domain.RiskRules;

namespace RiskPlatform.Api.FunctionalTests.Portfolio;

/// <summary>
/// The portfolio monitor end to end, driven by quotes: the quote request returns at once, the monitor runs in the background and
/// each test waits for it (<see cref="ApiFixture.MonitorIdleAsync"/>), never for a fixed time.
/// </summary>
public abstract class PortfolioMonitorTests(ApiFixture fixture) : FunctionalTest(fixture)
{
    private static object Market(string side, decimal qty, string symbol = "AAPL") =>
        new { symbol, side, qty, type = "market", time_in_force = "day" };

    private static object Limit(string side, decimal qty, decimal limitPrice, string symbol = "AAPL") =>
        new { symbol, side, qty, type = "limit", limit_price = limitPrice, time_in_force = "gtc" };

    private async Task PriceAsync(ApiClient client, string symbol, decimal price, bool wait = true)
    {
        (await (await MarketFeedAsync()).PutAsync($"/api/v1/market/quotes/{symbol}", new { price })).EnsureStatus(HttpStatusCode.OK);
        if (wait)
        {
            await Fixture.MonitorIdleAsync();
        }
    }

    private async Task<JsonNode> OrderAsync(ApiClient client, object order)
    {
        var body = (await client.PostAsync("/api/v1/orders", order)).EnsureStatus(HttpStatusCode.Created).Body!;
        await Fixture.MonitorIdleAsync();
        return body;
    }

    private static async Task<string> StateAsync(ApiClient client) =>
        (await client.GetAsync("/api/v1/trading/state")).EnsureStatus(HttpStatusCode.OK).Body!["state"]!.GetValue<string>();

    private static async Task<List<JsonNode>> OrdersAsync(ApiClient client) =>
        [.. (await client.GetAsync("/api/v1/orders?limit=200")).EnsureStatus(HttpStatusCode.OK).Array.Select(o => o!)];

    private static List<JsonNode> Liquidations(List<JsonNode> orders) =>
        [.. orders.Where(o => o["client_order_id"]!.GetValue<string>().StartsWith(BreachEpisode.ClientOrderIdPrefix, StringComparison.Ordinal))];

    private static async Task<List<JsonNode>> BreachesAsync(ApiClient client, Guid ruleId) =>
        [.. (await client.GetAsync($"/api/v1/risk-rules/{ruleId}/breaches")).EnsureStatus(HttpStatusCode.OK).Array.Select(b => b!)];

    [Fact]
    public async Task DrawdownCloseAll_FlattensEveryPosition_CancelsOpenOrders_AndHalts()
    {
        var client = await SignedInAsync();
        await PriceAsync(client, "AAPL", 100m);
        await PriceAsync(client, "MSFT", 50m);
        var ruleId = await TradingTestData.AddRuleAsync(Fixture, client.UserId, RiskRuleType.MaxDrawdown, 10m, ThresholdUnit.Percent, RiskAction.CloseAll);
        await OrderAsync(client, Market("buy", 200m));
        await OrderAsync(client, Market("buy", 100m, "MSFT"));
        var resting = await OrderAsync(client, Limit("buy", 10m, 20m));

        // AAPL 100 → 40: equity 100,000 − 12,000 = 88,000, a 12 % drawdown from the 100,000 high-water mark.
        await PriceAsync(client, "AAPL", 40m);

        Assert.Equal("halted", await StateAsync(client));
        var orders = await OrdersAsync(client);
        var liquidations = Liquidations(orders);
        Assert.Equal(2, liquidations.Count);
        Assert.All(liquidations, o =>
        {
            Assert.Equal("sell", o["side"]!.GetValue<string>());
            Assert.Equal("market", o["type"]!.GetValue<string>());
            Assert.Equal("filled", o["status"]!.GetValue<string>());
        });
        Assert.Equal(200m, liquidations.Single(o => o["symbol"]!.GetValue<string>() == "AAPL")["qty"]!.GetValue<decimal>());
        Assert.Equal(100m, liquidations.Single(o => o["symbol"]!.GetValue<string>() == "MSFT")["qty"]!.GetValue<decimal>());
        var cancelled = orders.Single(o => o["id"]!.GetValue<Guid>() == resting["id"]!.GetValue<Guid>());
        Assert.Equal("cancelled", cancelled["status"]!.GetValue<string>());
        var account = await TradingTestData.PaperAccountAsync(Fixture, client.UserId);
        Assert.All(account!.Positions, p => Assert.Equal(0m, p.Quantity));
        Assert.Equal(1, await TradingTestData.BreachCountAsync(Fixture, ruleId));
        Assert.All(await MonitorTestData.ActionsAsync(Fixture, client.UserId), a => Assert.Equal(MonitorActionStatus.Done, a.Status));

        var halted = (await client.GetAsync("/api/v1/notifications?type=trading_halted")).EnsureStatus(HttpStatusCode.OK).Array;
        Assert.Equal("urgent", Assert.Single(halted)!["priority"]!.GetValue<string>());
        Assert.Single((await client.GetAsync("/api/v1/notifications?type=risk_breach")).EnsureStatus(HttpStatusCode.OK).Array);
        var refused = (await client.PostAsync("/api/v1/orders", Market("buy", 1m))).EnsureProblem(HttpStatusCode.UnprocessableEntity);
        Assert.Equal("TRADING_HALTED", refused.Body!["code"]!.GetValue<string>());
    }

    [Fact]
    public async Task DrawdownCloseAll_ASecondTick_SendsNothingMore_AndCountsOneBreach()
    {
        var client = await SignedInAsync();
        await PriceAsync(client, "AAPL", 100m);
        var ruleId = await TradingTestData.AddRuleAsync(Fixture, client.UserId, RiskRuleType.MaxDrawdown, 10m, ThresholdUnit.Percent, RiskAction.CloseAll);
        await OrderAsync(client, Market("buy", 200m));
        await PriceAsync(client, "AAPL", 40m);

        await PriceAsync(client, "AAPL", 39m);
        await PriceAsync(client, "AAPL", 35m);

        Assert.Single(Liquidations(await OrdersAsync(client)));
        Assert.Equal(1, await TradingTestData.BreachCountAsync(Fixture, ruleId));
        Assert.Equal(1, await TradingTestData.BreachRowsAsync(Fixture, ruleId));
        Assert.Single(await MonitorTestData.EpisodesAsync(Fixture, client.UserId));
        Assert.Equal(2, (await MonitorTestData.ActionsAsync(Fixture, client.UserId)).Count);
        Assert.Equal(2, await TradingTestData.PaperOrderCountAsync(Fixture));
    }

    [Fact]
    public async Task Resume_AfterACloseAllHalt_RebaselinesTheHighWaterMark_AndTradingWorksAgain()
    {
        var client = await SignedInAsync();
        await PriceAsync(client, "AAPL", 100m);
        var ruleId = await TradingTestData.AddRuleAsync(Fixture, client.UserId, RiskRuleType.MaxDrawdown, 10m, ThresholdUnit.Percent, RiskAction.CloseAll);
        await OrderAsync(client, Market("buy", 200m));
        await PriceAsync(client, "AAPL", 40m);
        Assert.Equal("halted", await StateAsync(client));

        var resumed = (await client.PostAsync("/api/v1/trading/resume")).EnsureStatus(HttpStatusCode.OK).Body!;
        Assert.Equal("active", resumed["state"]!.GetValue<string>());
        var risk = (await client.GetAsync("/api/v1/risk-rules/portfolio-risk")).EnsureStatus(HttpStatusCode.OK).Body!;
        Assert.Equal(88_000m, risk["high_water_mark"]!.GetValue<decimal>());
        Assert.Equal(0m, risk["current_drawdown_percent"]!.GetValue<decimal>());

        var bought = await OrderAsync(client, Market("buy", 10m));
        await PriceAsync(client, "AAPL", 41m);

        Assert.Equal("filled", bought["status"]!.GetValue<string>());
        Assert.Equal("active", await StateAsync(client));
        Assert.Single(Liquidations(await OrdersAsync(client)));
        Assert.Equal(1, await TradingTestData.BreachCountAsync(Fixture, ruleId));
        var episode = Assert.Single(await MonitorTestData.EpisodesAsync(Fixture, client.UserId));
        Assert.Equal(EpisodeEndReason.BackInsideMargin, episode.EndReason);
    }

    [Fact]
    public async Task ClosePosition_OnAPerSymbolRule_FlattensOnlyThatSymbol()
    {
        var client = await SignedInAsync();
        await PriceAsync(client, "AAPL", 100m);
        await PriceAsync(client, "MSFT", 100m);
        var ruleId = await TradingTestData.AddRuleAsync(
            Fixture, client.UserId, RiskRuleType.MaxPositionSize, 5_000m, ThresholdUnit.Dollars, RiskAction.ClosePosition);
        await OrderAsync(client, Market("buy", 40m));
        await OrderAsync(client, Market("buy", 40m, "MSFT"));
        var aaplResting = await OrderAsync(client, Limit("buy", 1m, 50m));
        var msftResting = await OrderAsync(client, Limit("buy", 1m, 50m, "MSFT"));

        // AAPL 40 × 150 = 6,000 > 5,000; MSFT stays at 4,000.
        await PriceAsync(client, "AAPL", 150m);

        var orders = await OrdersAsync(client);
        var liquidation = Assert.Single(Liquidations(orders));
        Assert.Equal("AAPL", liquidation["symbol"]!.GetValue<string>());
        Assert.Equal(40m, liquidation["qty"]!.GetValue<decimal>());
        Assert.Equal("cancelled", orders.Single(o => o["id"]!.GetValue<Guid>() == aaplResting["id"]!.GetValue<Guid>())["status"]!.GetValue<string>());
        Assert.Equal("new", orders.Single(o => o["id"]!.GetValue<Guid>() == msftResting["id"]!.GetValue<Guid>())["status"]!.GetValue<string>());
        var account = await TradingTestData.PaperAccountAsync(Fixture, client.UserId);
        Assert.Equal(40m, account!.Positions.Single(p => p.Symbol == "MSFT").Quantity);
        Assert.DoesNotContain(account.Positions, p => p.Symbol == "AAPL" && p.Quantity != 0m);
        Assert.Equal("active", await StateAsync(client));
        Assert.Equal(1, await TradingTestData.BreachCountAsync(Fixture, ruleId));
        var episode = Assert.Single(await MonitorTestData.EpisodesAsync(Fixture, client.UserId));
        Assert.Equal(EpisodeEndReason.PositionClosed, episode.EndReason);
    }

    [Fact]
    public async Task ClosePosition_WhenOneBatchOfQuotesMovesTheHoldersOfDifferentSymbols_FlattensEachOnce()
    {
        var first = await SignedInAsync();
        var second = await SignedInAsync();
        await PriceAsync(first, "AAPL", 100m);
        await PriceAsync(first, "MSFT", 100m);
        foreach (var (client, symbol) in new[] { (first, "AAPL"), (second, "MSFT") })
        {
            await TradingTestData.AddRuleAsync(
                Fixture, client.UserId, RiskRuleType.MaxPositionSize, 5_000m, ThresholdUnit.Dollars, RiskAction.ClosePosition);
            await OrderAsync(client, Market("buy", 40m, symbol));
        }

        // One feed request: AAPL and MSFT both rise to 150, so 40 × 150 = 6,000 > 5,000 in each account.
        var batch = new[] { new { symbol = "AAPL", price = 150m }, new { symbol = "MSFT", price = 150m } };
        (await (await MarketFeedAsync()).PutAsync("/api/v1/market/quotes", batch)).EnsureStatus(HttpStatusCode.OK);
        await Fixture.MonitorIdleAsync();

        foreach (var (client, symbol) in new[] { (first, "AAPL"), (second, "MSFT") })
        {
            var liquidation = Assert.Single(Liquidations(await OrdersAsync(client)));
            Assert.Equal(symbol, liquidation["symbol"]!.GetValue<string>());
            Assert.Equal(40m, liquidation["qty"]!.GetValue<decimal>());
        }
    }

    [Fact]
    public async Task StopLossClosePosition_WhenAQuoteMovesAgainstThePositionByTheThreshold_ClosesOnlyThatPosition()
    {
        var client = await SignedInAsync();
        await PriceAsync(client, "AAPL", 100m);
        await PriceAsync(client, "MSFT", 100m);
        var ruleId = await TradingTestData.AddRuleAsync(Fixture, client.UserId, RiskRuleType.StopLoss, 5m, ThresholdUnit.Percent, RiskAction.ClosePosition);
        await OrderAsync(client, Market("buy", 10m));
        await OrderAsync(client, Market("buy", 10m, "MSFT"));

        // 100 → 96 is a 4 % adverse move: inside the stop.
        await PriceAsync(client, "AAPL", 96m);
        Assert.Empty(Liquidations(await OrdersAsync(client)));
        Assert.Equal(0, await TradingTestData.BreachCountAsync(Fixture, ruleId));

        // 100 → 94 is 6 %: the stop closes AAPL; MSFT (flat at its entry) stays.
        await PriceAsync(client, "AAPL", 94m);

        var liquidation = Assert.Single(Liquidations(await OrdersAsync(client)));
        Assert.Equal("AAPL", liquidation["symbol"]!.GetValue<string>());
        Assert.Equal("sell", liquidation["side"]!.GetValue<string>());
        Assert.Equal(10m, liquidation["qty"]!.GetValue<decimal>());
        Assert.Equal("filled", liquidation["status"]!.GetValue<string>());
        var account = await TradingTestData.PaperAccountAsync(Fixture, client.UserId);
        Assert.DoesNotContain(account!.Positions, p => p.Symbol == "AAPL" && p.Quantity != 0m);
        Assert.Equal(10m, account.Positions.Single(p => p.Symbol == "MSFT").Quantity);
        Assert.Equal("active", await StateAsync(client));
        Assert.Equal(1, await TradingTestData.BreachCountAsync(Fixture, ruleId));
        var breach = Assert.Single(await BreachesAsync(client, ruleId));
        Assert.Equal("monitor", breach["source"]!.GetValue<string>());
        Assert.Equal("AAPL", breach["symbol"]!.GetValue<string>());
        Assert.Equal(6m, breach["current_value"]!.GetValue<decimal>());
        Assert.Equal("close_position", breach["action_taken"]!.GetValue<string>());
        Assert.Equal(EpisodeEndReason.PositionClosed, Assert.Single(await MonitorTestData.EpisodesAsync(Fixture, client.UserId)).EndReason);
    }

    [Fact]
    public async Task TakeProfitAlert_WhenAQuoteMovesInFavourByTheThreshold_RecordsABreachAndSendsNoOrder()
    {
        var client = await SignedInAsync();
        await PriceAsync(client, "AAPL", 100m);
        var ruleId = await TradingTestData.AddRuleAsync(Fixture, client.UserId, RiskRuleType.TakeProfit, 10m, ThresholdUnit.Percent, RiskAction.Alert);
        await OrderAsync(client, Market("buy", 10m));

        // 100 → 109 is a 9 % gain: below the target.
        await PriceAsync(client, "AAPL", 109m);
        Assert.Equal(0, await TradingTestData.BreachCountAsync(Fixture, ruleId));

        // 100 → 111 is 11 %: the alert fires once, nothing is sold.
        await PriceAsync(client, "AAPL", 111m);
        await PriceAsync(client, "AAPL", 112m);

        Assert.Empty(Liquidations(await OrdersAsync(client)));
        Assert.Empty(await MonitorTestData.ActionsAsync(Fixture, client.UserId));
        var account = await TradingTestData.PaperAccountAsync(Fixture, client.UserId);
        Assert.Equal(10m, account!.Positions.Single(p => p.Symbol == "AAPL").Quantity);
        Assert.Equal(1, await TradingTestData.BreachCountAsync(Fixture, ruleId));
        var breach = Assert.Single(await BreachesAsync(client, ruleId));
        Assert.Equal("monitor", breach["source"]!.GetValue<string>());
        Assert.Equal("AAPL", breach["symbol"]!.GetValue<string>());
        Assert.Equal(11m, breach["current_value"]!.GetValue<decimal>());
        Assert.Equal(12m, breach["worst_value"]!.GetValue<decimal>());
        Assert.Equal("alert", breach["action_taken"]!.GetValue<string>());
        var notification = Assert.Single((await client.GetAsync("/api/v1/notifications?type=risk_breach")).EnsureStatus(HttpStatusCode.OK).Array)!;
        Assert.Equal("risk_breach", notification["type"]!.GetValue<string>());
    }

    [Fact]
    public async Task Alert_RecordsABreachAndANotification_AndSendsNoOrder()
    {
        var client = await SignedInAsync();
        await PriceAsync(client, "AAPL", 100m);
        var ruleId = await TradingTestData.AddRuleAsync(Fixture, client.UserId, RiskRuleType.MaxPositionSize, 5_000m, ThresholdUnit.Dollars, RiskAction.Alert);
        await OrderAsync(client, Market("buy", 40m));

        await PriceAsync(client, "AAPL", 150m);

        Assert.Empty(Liquidations(await OrdersAsync(client)));
        Assert.Empty(await MonitorTestData.ActionsAsync(Fixture, client.UserId));
        Assert.Equal("active", await StateAsync(client));
        Assert.Equal(1, await TradingTestData.BreachCountAsync(Fixture, ruleId));
        var breach = Assert.Single(await BreachesAsync(client, ruleId));
        Assert.Equal("monitor", breach["source"]!.GetValue<string>());
        Assert.Equal("AAPL", breach["symbol"]!.GetValue<string>());
        Assert.Equal(6_000m, breach["current_value"]!.GetValue<decimal>());
        var notification = Assert.Single((await client.GetAsync("/api/v1/notifications?type=risk_breach")).EnsureStatus(HttpStatusCode.OK).Array)!;
        Assert.Equal("risk_breach", notification["type"]!.GetValue<string>());
    }

    [Fact]
    public async Task Episode_EndsBackInsideTheMargin_AndALaterBreachOpensANewOne()
    {
        var client = await SignedInAsync();
        await PriceAsync(client, "AAPL", 100m);
        var ruleId = await TradingTestData.AddRuleAsync(Fixture, client.UserId, RiskRuleType.MaxPositionSize, 5_000m, ThresholdUnit.Dollars, RiskAction.Alert);
        await OrderAsync(client, Market("buy", 40m));

        await PriceAsync(client, "AAPL", 150m); // 6,000: opens
        await PriceAsync(client, "AAPL", 160m); // 6,400: worse, same episode
        await PriceAsync(client, "AAPL", 120m); // 4,800: inside the limit but not by 5 % (4,750): still open
        Assert.Equal(1, await TradingTestData.BreachCountAsync(Fixture, ruleId));
        Assert.True(Assert.Single(await MonitorTestData.EpisodesAsync(Fixture, client.UserId)).IsOpen);
        await PriceAsync(client, "AAPL", 110m); // 4,400: ends
        await PriceAsync(client, "AAPL", 140m); // 5,600: a new episode

        Assert.Equal(2, await TradingTestData.BreachCountAsync(Fixture, ruleId));
        var breaches = await BreachesAsync(client, ruleId);
        Assert.Equal(2, breaches.Count);
        var (newest, oldest) = (breaches[0], breaches[1]);
        Assert.Null(newest["episode_ended_at"]);
        Assert.Equal(5_600m, newest["worst_value"]!.GetValue<decimal>());
        Assert.NotEqual(newest["episode_id"]!.GetValue<Guid>(), oldest["episode_id"]!.GetValue<Guid>());
        Assert.Equal(6_400m, oldest["worst_value"]!.GetValue<decimal>());
        Assert.Equal(6_000m, oldest["current_value"]!.GetValue<decimal>());
        Assert.Equal("alert", oldest["action_taken"]!.GetValue<string>());
        Assert.Equal("back_inside_margin", oldest["end_reason"]!.GetValue<string>());
        Assert.True(oldest["episode_ended_at"]!.GetValue<DateTime>() > oldest["episode_started_at"]!.GetValue<DateTime>());
        Assert.Equal(oldest["timestamp"]!.GetValue<DateTime>(), oldest["episode_started_at"]!.GetValue<DateTime>());
    }

    [Fact]
    public async Task Breaches_OfACloseAllEpisode_ShowStartWorstAndActionTaken()
    {
        var client = await SignedInAsync();
        await PriceAsync(client, "AAPL", 100m);
        var ruleId = await TradingTestData.AddRuleAsync(Fixture, client.UserId, RiskRuleType.MaxDrawdown, 10m, ThresholdUnit.Percent, RiskAction.CloseAll);
        await OrderAsync(client, Market("buy", 200m));

        await PriceAsync(client, "AAPL", 40m);

        var breach = Assert.Single(await BreachesAsync(client, ruleId));
        Assert.Equal("close_all", breach["action"]!.GetValue<string>());
        Assert.Equal("close_all", breach["action_taken"]!.GetValue<string>());
        Assert.Equal(12m, breach["current_value"]!.GetValue<decimal>());
        Assert.Equal(12m, breach["worst_value"]!.GetValue<decimal>());
        Assert.NotNull(breach["episode_started_at"]);
        Assert.NotNull(breach["action_taken_at"]);
        Assert.Null(breach["episode_ended_at"]);
        Assert.Null(breach["end_reason"]);
    }

    [Fact]
    public async Task PreTradeBreaches_HaveNoEpisodeFields()
    {
        var client = await SignedInAsync();
        await PriceAsync(client, "AAPL", 100m);
        var ruleId = await TradingTestData.AddRuleAsync(Fixture, client.UserId, RiskRuleType.MaxPositionSize, 1_000m, ThresholdUnit.Dollars, RiskAction.Block);
        (await client.PostAsync("/api/v1/orders", Market("buy", 20m))).EnsureProblem(HttpStatusCode.UnprocessableEntity);

        var breach = Assert.Single(await BreachesAsync(client, ruleId));

        Assert.Equal("pre_trade", breach["source"]!.GetValue<string>());
        Assert.Null(breach["episode_id"]);
        Assert.Null(breach["worst_value"]);
    }

    [Fact]
    public async Task Quotes_RecordOneEquityPointPerMark()
    {
        var client = await SignedInAsync();
        await PriceAsync(client, "AAPL", 100m);
        await TradingTestData.AddRuleAsync(Fixture, client.UserId, RiskRuleType.MaxDrawdown, 50m, ThresholdUnit.Percent, RiskAction.Alert);
        await OrderAsync(client, Market("buy", 10m));
        var before = await MonitorTestData.EquityPointsAsync(Fixture, client.UserId);

        await PriceAsync(client, "AAPL", 101m);
        await PriceAsync(client, "AAPL", 102m);

        Assert.Equal(before + 2, await MonitorTestData.EquityPointsAsync(Fixture, client.UserId));
        var state = await PortfolioTestData.StateAsync(Fixture, client.UserId);
        Assert.Equal(100_020m, state!.LastEquity);
        Assert.Equal(100_020m, state.HighWaterMark);
    }

    [Fact]
    public async Task UserWithoutMonitoredRules_HoldingAPosition_IsMarkedButNothingIsJudged()
    {
        var client = await SignedInAsync();
        await PriceAsync(client, "AAPL", 100m);
        await OrderAsync(client, Market("buy", 10m));
        var pointsAfterOrder = await MonitorTestData.EquityPointsAsync(Fixture, client.UserId);

        await PriceAsync(client, "AAPL", 50m);

        // The first order created the state; the monitor keeps its high-water mark and drawdown as prices move (readers don't).
        var state = (await PortfolioTestData.StateAsync(Fixture, client.UserId))!;
        Assert.Equal(0.5m, state.CurrentDrawdownPercent);
        Assert.True(await MonitorTestData.EquityPointsAsync(Fixture, client.UserId) > pointsAfterOrder);
        Assert.Empty(await MonitorTestData.EpisodesAsync(Fixture, client.UserId));
        Assert.Empty(await MonitorTestData.ActionsAsync(Fixture, client.UserId));
    }
}

[Collection(nameof(SqliteTradingCollection))]
public sealed class PortfolioMonitorTestsOnSqlite(SqliteApiFixture fixture) : PortfolioMonitorTests(fixture);

[Collection(nameof(PostgresTradingCollection))]
public sealed class PortfolioMonitorTestsOnPostgres(PostgresApiFixture fixture) : PortfolioMonitorTests(fixture);
