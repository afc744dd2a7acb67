using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using RiskPlatform.Api.FunctionalTests.Infrastructure;
using RiskPlatform.Domain.RiskRules;
using RiskPlatform.Infrastructure.Persistence;

namespace RiskPlatform.Api.FunctionalTests.Trading;

/// <summary>
/// Every pre-trade rule type with every action <see cref="RiskRuleCatalog.AllowedActions"/> allows for it, over
/// <c>POST /api/v1/orders</c>: alert accepts the order with the breach recorded, block refuses it with nothing sent, reduce_size
/// submits exactly the quantity the rule allows, and close_position/close_all block the order (the engine treats every
/// non-reduce action stricter than alert as a refusal of the order; closing is the monitor's job).
/// The rows come from the catalog, so a new type or action without a scenario here fails.
/// </summary>
public abstract class OrderRuleActionTests(ApiFixture fixture) : FunctionalTest(fixture)
{
    /// <summary>How the account is prepared before the rule is added (AAPL and MSFT are quoted at 100, cash 100,000).</summary>
    public enum Arrange
    {
        None,
        LoseOneThousandOnMsft,
        HoldOneMsft,

        /// <summary>AAPL and MSFT have 40 days of perfectly correlated closes; one MSFT is held.</summary>
        HoldOneMsftCorrelatedWithAapl,

        /// <summary>AAPL and MSFT are both Technology; 100 MSFT (10,000) are held.</summary>
        HoldTechnologyMsft,
    }

    /// <summary>
    /// One breaching order per pre-trade rule type: the rule's threshold and unit, the preparation, the order (AAPL, at 100), and for
    /// types that allow reduce_size the exact quantity the rule allows.
    /// </summary>
    public sealed record Scenario(decimal Threshold, ThresholdUnit Unit, Arrange Arrange, decimal Quantity, decimal? LimitPrice, decimal? ReducedTo);

    private static readonly Dictionary<RiskRuleType, Scenario> Scenarios = new()
    {
        // 20 × 100 = 2,000 > 1,550; 1,550 / 100 → 15 whole shares.
        [RiskRuleType.MaxPositionSize] = new(1_550m, ThresholdUnit.Dollars, Arrange.None, 20m, null, 15m),
        [RiskRuleType.MaxOrderValue] = new(1_550m, ThresholdUnit.Dollars, Arrange.None, 20m, null, 15m),

        // Equity 99,000 after MSFT 100 → 90: a 1,000 loss (> 500) and a 1 % drawdown (> 0.5 %).
        [RiskRuleType.MaxDailyLoss] = new(500m, ThresholdUnit.Dollars, Arrange.LoseOneThousandOnMsft, 20m, null, null),
        [RiskRuleType.MaxDrawdown] = new(0.5m, ThresholdUnit.Percent, Arrange.LoseOneThousandOnMsft, 20m, null, null),

        // MSFT is already open: AAPL would be the second position.
        [RiskRuleType.PositionLimit] = new(1m, ThresholdUnit.Count, Arrange.HoldOneMsft, 20m, null, null),

        // 1,000 × 100 / 100,000 = 1.0 > 0.5; 0.5 × 100,000 / 100 = 500.
        [RiskRuleType.MaxLeverage] = new(0.5m, ThresholdUnit.Ratio, Arrange.None, 1_000m, null, 500m),

        // 200 × 100 = 20 % of equity > 10 %; 10 % of 100,000 / 100 = 100.
        [RiskRuleType.MaxConcentration] = new(10m, ThresholdUnit.Percent, Arrange.None, 200m, null, 100m),

        // The MSFT order is the first in the window; this is the second.
        [RiskRuleType.OrderRateLimit] = new(1m, ThresholdUnit.Count, Arrange.HoldOneMsft, 20m, null, null),

        // The rule lists AAPL.
        [RiskRuleType.RestrictedSymbols] = new(1m, ThresholdUnit.Count, Arrange.None, 20m, null, null),

        // A limit 20 % through the quote (marketable: it fills at the ask when accepted).
        [RiskRuleType.PriceCollar] = new(5m, ThresholdUnit.Percent, Arrange.None, 1m, 120m, null),

        // AAPL's daily returns are MSFT's (ρ = 1 ≥ 0.8) and MSFT is held long: buying AAPL adds correlated exposure.
        [RiskRuleType.MaxCorrelation] = new(0.8m, ThresholdUnit.Ratio, Arrange.HoldOneMsftCorrelatedWithAapl, 20m, null, null),

        // Technology: 10,000 of MSFT + 200 AAPL × 100 = 30 % of 100,000 > 25 %; room for (25,000 − 10,000) / 100 = 150.
        [RiskRuleType.SectorLimit] = new(25m, ThresholdUnit.Percent, Arrange.HoldTechnologyMsft, 200m, null, 150m),
    };

    /// <summary>Every (pre-trade type, allowed action) combination of the catalog.</summary>
    public static TheoryData<RiskRuleType, RiskAction> CatalogCombinations()
    {
        var data = new TheoryData<RiskRuleType, RiskAction>();
        foreach (var type in RiskRuleCatalog.SupportedTypes.Where(RiskRuleCatalog.IsPreTrade))
        {
            foreach (var action in RiskRuleCatalog.AllowedActions(type))
            {
                data.Add(type, action);
            }
        }

        return data;
    }

    [Fact]
    public void Scenarios_CoverEveryPreTradeTypeOfTheCatalog_WithAReducedQuantityExactlyWhereReduceSizeIsAllowed()
    {
        var preTrade = RiskRuleCatalog.SupportedTypes.Where(RiskRuleCatalog.IsPreTrade).Order().ToList();
        Assert.Equal(preTrade, Scenarios.Keys.Order().ToList());

        var reducible = preTrade.Where(t => RiskRuleCatalog.IsActionAllowed(t, RiskAction.ReduceSize)).ToList();
        Assert.Equal(reducible, Scenarios.Where(s => s.Value.ReducedTo.HasValue).Select(s => s.Key).Order().ToList());
    }

    [Theory]
    [MemberData(nameof(CatalogCombinations))]
    public async Task PlaceOrder_WhenARuleOfEachTypeAndActionIsBreached_ReturnsTheOutcomeTheActionSpecifies(RiskRuleType type, RiskAction action)
    {
        Assert.True(Scenarios.TryGetValue(type, out var scenario), $"No order scenario for {type}: add one to {nameof(Scenarios)}.");
        var client = await SignedInAsync();
        await PriceAsync("AAPL", 100m);
        await PriceAsync("MSFT", 100m);
        switch (scenario.Arrange)
        {
            case Arrange.LoseOneThousandOnMsft:
                (await client.PostAsync("/api/v1/orders", Market("buy", 100m, "MSFT"))).EnsureStatus(HttpStatusCode.Created);
                await PriceAsync("MSFT", 90m);
                break;
            case Arrange.HoldOneMsft:
                (await client.PostAsync("/api/v1/orders", Market("buy", 1m, "MSFT"))).EnsureStatus(HttpStatusCode.Created);
                break;
            case Arrange.HoldOneMsftCorrelatedWithAapl:
                await TradingTestData.ImportDailyClosesAsync(Fixture, ("AAPL", TradingTestData.Wave), ("MSFT", TradingTestData.Wave));
                (await client.PostAsync("/api/v1/orders", Market("buy", 1m, "MSFT"))).EnsureStatus(HttpStatusCode.Created);
                break;
            case Arrange.HoldTechnologyMsft:
                foreach (var symbol in new[] { "AAPL", "MSFT" })
                {
                    (await (await MarketFeedAsync()).PutAsync($"/api/v1/market/symbols/{symbol}", new { sector = "Technology" })).EnsureStatus(HttpStatusCode.OK);
                }

                (await client.PostAsync("/api/v1/orders", Market("buy", 100m, "MSFT"))).EnsureStatus(HttpStatusCode.Created);
                break;
            default:
                break;
        }

        var brokerOrdersBefore = await TradingTestData.PaperOrderCountAsync(Fixture);
        var ruleId = await TradingTestData.AddRuleAsync(
            Fixture, client.UserId, type, scenario.Threshold, scenario.Unit, action,
            symbols: RiskRuleCatalog.RequiresSymbols(type) ? ["AAPL"] : null,
            windowSeconds: RiskRuleCatalog.RequiresWindowSeconds(type) ? 60 : null);
        var order = scenario.LimitPrice is { } limit
            ? new { symbol = "AAPL", side = "buy", qty = scenario.Quantity, type = "limit", limit_price = (decimal?)limit, time_in_force = "gtc" }
            : new { symbol = "AAPL", side = "buy", qty = scenario.Quantity, type = "market", limit_price = (decimal?)null, time_in_force = "day" };

        var response = await client.PostAsync("/api/v1/orders", order);

        switch (action)
        {
            case RiskAction.Alert:
                {
                    var placed = response.EnsureStatus(HttpStatusCode.Created).Body!;
                    Assert.Equal("accepted", placed["decision"]!.GetValue<string>());
                    Assert.Equal(scenario.Quantity, placed["qty"]!.GetValue<decimal>());
                    var alert = Assert.Single(placed["alerts"]!.AsArray())!;
                    AssertBreach(alert, ruleId, type, action);
                    Assert.Equal(brokerOrdersBefore + 1, await TradingTestData.PaperOrderCountAsync(Fixture));
                    await AssertOnePreTradeBreachAsync(ruleId, placed["id"]!.GetValue<Guid>());
                    break;
                }

            case RiskAction.ReduceSize:
                {
                    var placed = response.EnsureStatus(HttpStatusCode.Created).Body!;
                    Assert.Equal("reduced", placed["decision"]!.GetValue<string>());
                    Assert.Equal(scenario.Quantity, placed["requested_qty"]!.GetValue<decimal>());
                    Assert.Equal(scenario.ReducedTo, placed["qty"]!.GetValue<decimal>());
                    Assert.Equal(ruleId, placed["binding_rule"]!["id"]!.GetValue<Guid>());
                    Assert.Equal(Wire(type), placed["binding_rule"]!["rule_type"]!.GetValue<string>());
                    Assert.Equal(brokerOrdersBefore + 1, await TradingTestData.PaperOrderCountAsync(Fixture));
                    var account = await TradingTestData.PaperAccountAsync(Fixture, client.UserId);
                    Assert.Equal(scenario.ReducedTo, account!.Positions.Single(p => p.Symbol == "AAPL").Quantity);
                    await AssertOnePreTradeBreachAsync(ruleId, placed["id"]!.GetValue<Guid>());
                    break;
                }

            case RiskAction.Block or RiskAction.ClosePosition or RiskAction.CloseAll:
                {
                    var refused = response.EnsureProblem(HttpStatusCode.UnprocessableEntity).Body!;
                    Assert.Equal("order_blocked", refused["code"]!.GetValue<string>());
                    AssertBreach(Assert.Single(refused["breaches"]!.AsArray())!, ruleId, type, action);
                    Assert.Equal(brokerOrdersBefore, await TradingTestData.PaperOrderCountAsync(Fixture));
                    Assert.Equal(0, await Fixture.CountAsync("SELECT COUNT(*) FROM orders WHERE symbol = 'AAPL'"));
                    await AssertOnePreTradeBreachAsync(ruleId, null);
                    Assert.Equal(1, await TradingTestData.BreachCountAsync(Fixture, ruleId));
                    break;
                }

            default:
                Assert.Fail($"No expected order outcome for action {action}: add one.");
                break;
        }
    }

    [Fact]
    public async Task PlaceOrder_WhenAReduceSizeRuleAllowsNoWholeShare_Returns422AndSendsNothing()
    {
        var client = await SignedInAsync();
        await PriceAsync("AAPL", 100m);
        var ruleId = await TradingTestData.AddRuleAsync(Fixture, client.UserId, RiskRuleType.MaxOrderValue, 99m, ThresholdUnit.Dollars, RiskAction.ReduceSize);

        var refused = (await client.PostAsync("/api/v1/orders", Market("buy", 5m, "AAPL"))).EnsureProblem(HttpStatusCode.UnprocessableEntity).Body!;

        Assert.Equal("order_blocked", refused["code"]!.GetValue<string>());
        AssertBreach(Assert.Single(refused["breaches"]!.AsArray())!, ruleId, RiskRuleType.MaxOrderValue, RiskAction.ReduceSize);
        Assert.Equal(0, await TradingTestData.PaperOrderCountAsync(Fixture));
        await AssertOnePreTradeBreachAsync(ruleId, null);
        Assert.Equal(1, await TradingTestData.BreachCountAsync(Fixture, ruleId));
    }

    private static object Market(string side, decimal qty, string symbol) =>
        new { symbol, side, qty, type = "market", time_in_force = "day" };

    private async Task PriceAsync(string symbol, decimal price) =>
        (await (await MarketFeedAsync()).PutAsync($"/api/v1/market/quotes/{symbol}", new { price })).EnsureStatus(HttpStatusCode.OK);

    private static void AssertBreach(JsonNode breach, Guid ruleId, RiskRuleType type, RiskAction action)
    {
        Assert.Equal(ruleId, breach["rule_id"]!.GetValue<Guid>());
        Assert.Equal(Wire(type), breach["rule_type"]!.GetValue<string>());
        Assert.Equal(Wire(action), breach["action"]!.GetValue<string>());
        Assert.False(string.IsNullOrEmpty(breach["message"]!.GetValue<string>()));
        Assert.True(
            breach["observed"]!.GetValue<decimal>() > breach["limit"]!.GetValue<decimal>(),
            $"observed {breach["observed"]} should exceed limit {breach["limit"]}");
    }

    /// <summary>
    /// Exactly one pre-trade breach row for the rule, against <paramref name="orderId"/> (null for a refused order), and a
    /// breach_count equal to the rule's breach rows (an accepted order's fill may also open a monitor episode, its own breach).
    /// </summary>
    private async Task AssertOnePreTradeBreachAsync(Guid ruleId, Guid? orderId)
    {
        await using var scope = Fixture.Factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<RiskPlatformDbContext>();
        var preTrade = await db.Set<RiskBreach>().AsNoTracking()
            .Where(b => b.RuleId == ruleId && b.Source == BreachSource.PreTrade).Select(b => b.OrderId).ToListAsync();
        Assert.Equal(orderId, Assert.Single(preTrade));
        Assert.Equal(await TradingTestData.BreachRowsAsync(Fixture, ruleId), await TradingTestData.BreachCountAsync(Fixture, ruleId));
    }

    private static string Wire<TEnum>(TEnum value)
        where TEnum : struct, Enum => JsonNamingPolicy.SnakeCaseLower.ConvertName(value.ToString());
}

[Collection(nameof(SqliteTradingCollection))]
public sealed class OrderRuleActionTestsOnSqlite(SqliteApiFixture fixture) : OrderRuleActionTests(fixture);

[Collection(nameof(PostgresTradingCollection))]
public sealed class OrderRuleActionTestsOnPostgres(PostgresApiFixture fixture) : OrderRuleActionTests(fixture);
