using System.Net;
using Microsoft.Extensions.DependencyInjection;
using RiskPlatform.Api.FunctionalTests.Brokers.FakeAlpaca;
using RiskPlatform.Api.FunctionalTests.Infrastructure;
using RiskPlatform.Api.FunctionalTests.Portfolio;
using RiskPlatform.Api.FunctionalTests.Trading;
using RiskPlatform.Application.Portfolio.Monitoring;
using RiskPlatform.Domain.RiskRules;
using static RiskPlatform.Api.FunctionalTests.Brokers.AlpacaTrading;

namespace RiskPlatform.Api.FunctionalTests.Brokers;

/// <summary>
/// Alpaca keeps the trading day: its <c>last_equity</c> is the day-start equity of every consumer — the order path,
/// max-quantity, the risk test and the monitor — even when the portfolio state already holds a different day start.
/// </summary>
public abstract class AlpacaDayStartTests(ApiFixture fixture) : FunctionalTest(fixture)
{
    private static object Market(string side, decimal qty) => new { symbol = "AAPL", side, qty, type = "market", time_in_force = "day" };

    /// <summary>
    /// A bound user whose portfolio state starts the day at 100,000 (Alpaca's last_equity when the state was created), after which
    /// Alpaca reports last_equity 110,000 with equity still 100,000: a 10,000 loss on the day against a 5,000 max_daily_loss.
    /// </summary>
    private static async Task<(ApiClient Client, Guid RuleId)> LossAgainstAlpacasDayStartAsync(AlpacaHost host, ApiFixture fixture)
    {
        var client = await host.SignedInAsync();
        await BindNewKeyAsync(client);
        var sim = host.Alpaca.Simulator;
        sim.SetQuote("AAPL", 99m, 101m);
        // A writer creates the state (reads store nothing): choosing the (default) trading-day convention.
        (await client.PutAsync("/api/v1/trading/day-convention", new { convention = "us_equities" })).EnsureStatus(HttpStatusCode.OK);
        Assert.Equal(100_000m, (await PortfolioTestData.StateAsync(fixture, client.UserId))!.DayStartEquity);
        var ruleId = await TradingTestData.AddRuleAsync(fixture, client.UserId, RiskRuleType.MaxDailyLoss, 5_000m, ThresholdUnit.Dollars, RiskAction.Block);
        sim.LastEquity = 110_000m;
        return (client, ruleId);
    }

    [Fact]
    public async Task OrderPath_JudgesMaxDailyLoss_FromAlpacasLastEquity_NotTheStatesOwnDayStart()
    {
        await using var host = await AlpacaHost.StartAsync(Fixture);
        var (client, ruleId) = await LossAgainstAlpacasDayStartAsync(host, Fixture);
        using var _ = client;

        var blocked = (await client.PostAsync("/api/v1/orders", Market("buy", 1m))).EnsureProblem(HttpStatusCode.UnprocessableEntity).Body!;

        Assert.Equal("order_blocked", blocked["code"]!.GetValue<string>());
        var breach = Assert.Single(blocked["breaches"]!.AsArray())!;
        Assert.Equal("max_daily_loss", breach["rule_type"]!.GetValue<string>());
        Assert.Empty(host.Alpaca.ReceivedOn("POST /v2/orders"));
        Assert.Equal(1, await TradingTestData.BreachCountAsync(Fixture, ruleId));
        Assert.Equal(110_000m, (await PortfolioTestData.StateAsync(Fixture, client.UserId))!.DayStartEquity);
    }

    [Fact]
    public async Task MaxQuantityAndRiskTest_JudgeMaxDailyLoss_FromAlpacasLastEquity()
    {
        await using var host = await AlpacaHost.StartAsync(Fixture);
        var (client, _) = await LossAgainstAlpacasDayStartAsync(host, Fixture);
        using var __ = client;

        var max = (await client.GetAsync("/api/v1/risk-rules/max-quantity?symbol=AAPL&side=buy")).EnsureStatus(HttpStatusCode.OK).Body!;
        var test = (await client.PostAsync("/api/v1/risk-rules/test", new { symbol = "AAPL", order_qty = 1m })).EnsureStatus(HttpStatusCode.OK).Body!;

        Assert.Equal(0m, max["max_quantity"]!.GetValue<decimal>());
        Assert.Equal("max_daily_loss", max["binding_rule_type"]!.GetValue<string>());
        Assert.True(test["would_block"]!.GetValue<bool>());
        Assert.Equal("max_daily_loss", Assert.Single(test["breaches"]!.AsArray())!["rule_type"]!.GetValue<string>());
    }

    [Fact]
    public async Task Monitor_JudgesMaxDailyLoss_FromAlpacasLastEquity_AndEntersReducing()
    {
        await using var host = await AlpacaHost.StartAsync(Fixture);
        var (client, ruleId) = await LossAgainstAlpacasDayStartAsync(host, Fixture);
        using var _ = client;

        var queue = host.Factory.Services.GetRequiredService<IMonitorQueue>();
        queue.Enqueue(client.UserId);
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        await queue.WhenIdleAsync(timeout.Token);

        var state = (await client.GetAsync("/api/v1/trading/state")).EnsureStatus(HttpStatusCode.OK).Body!;
        Assert.Equal("reducing", state["state"]!.GetValue<string>());
        Assert.Equal(1, await TradingTestData.BreachCountAsync(Fixture, ruleId));
        Assert.Equal(110_000m, (await PortfolioTestData.StateAsync(Fixture, client.UserId))!.DayStartEquity);
    }
}

[Collection(nameof(SqliteBrokerCollection))]
public sealed class AlpacaDayStartTestsOnSqlite(SqliteApiFixture fixture) : AlpacaDayStartTests(fixture);

[Collection(nameof(PostgresBrokerCollection))]
public sealed class AlpacaDayStartTestsOnPostgres(PostgresApiFixture fixture) : AlpacaDayStartTests(fixture);
