using System.Net;
using RiskPlatform.Api.FunctionalTests.ApiKeys;
using RiskPlatform.Api.FunctionalTests.Infrastructure;
using RiskPlatform.Api.FunctionalTests.Trading;
using RiskPlatform.Domain.RiskRules;

namespace RiskPlatform.Api.FunctionalTests.Telemetry;

/// <summary>
/// The <c>RiskPlatform</c> meter as the real service records it over HTTP: orders by outcome and blocking rule type, the
/// decision time, broker calls, vault operations and the monitor. Read through <see cref="HostMetrics"/>, which sees this
/// host's meter only.
/// </summary>
public abstract class DomainMetricsTests(ApiFixture fixture) : FunctionalTest(fixture)
{
    [Fact]
    public async Task BlockedOrder_CountsABlockUnderTheBlockingRuleTypeOnly()
    {
        var client = await SignedInAsync();
        await PriceAsync("AAPL", 100m);
        await TradingTestData.AddRuleAsync(Fixture, client.UserId, RiskRuleType.MaxOrderValue, 1_550m, ThresholdUnit.Dollars, RiskAction.Block);
        await TradingTestData.AddRuleAsync(Fixture, client.UserId, RiskRuleType.MaxPositionSize, 1_000m, ThresholdUnit.Dollars, RiskAction.Alert);
        using var metrics = new HostMetrics(Fixture.Factory.Services);

        (await client.PostAsync("/api/v1/orders", Market(20m))).EnsureProblem(HttpStatusCode.UnprocessableEntity);

        Assert.Equal(1, metrics.Sum("riskplatform.orders", ("outcome", "blocked")));
        Assert.Equal(0, metrics.Sum("riskplatform.orders", ("outcome", "accepted")));
        Assert.Equal(1, metrics.Sum("riskplatform.order.blocks", ("rule_type", "max_order_value")));
        Assert.Equal(0, metrics.Sum("riskplatform.order.blocks", ("rule_type", "max_position_size")));
        var duration = Assert.Single(metrics.Of("riskplatform.pretrade.duration", ("outcome", "blocked")));
        Assert.True(duration.Value > 0, $"decision took {duration.Value} s");
    }

    [Fact]
    public async Task AcceptedAndReducedOrders_AreCountedByOutcome_WithNoBlock()
    {
        var client = await SignedInAsync();
        await PriceAsync("AAPL", 100m);
        await TradingTestData.AddRuleAsync(Fixture, client.UserId, RiskRuleType.MaxOrderValue, 1_550m, ThresholdUnit.Dollars, RiskAction.ReduceSize);
        using var metrics = new HostMetrics(Fixture.Factory.Services);

        (await client.PostAsync("/api/v1/orders", Market(10m))).EnsureStatus(HttpStatusCode.Created);
        (await client.PostAsync("/api/v1/orders", Market(20m))).EnsureStatus(HttpStatusCode.Created);

        Assert.Equal(1, metrics.Sum("riskplatform.orders", ("outcome", "accepted")));
        Assert.Equal(1, metrics.Sum("riskplatform.orders", ("outcome", "reduced")));
        Assert.Equal(0, metrics.Sum("riskplatform.orders", ("outcome", "blocked")));
        Assert.Empty(metrics.Of("riskplatform.order.blocks"));
        Assert.Equal(2, metrics.Of("riskplatform.pretrade.duration").Count);
    }

    [Fact]
    public async Task PaperOrder_CountsItsSubmissionAsABrokerCallByBrokerOperationAndOutcome()
    {
        var client = await SignedInAsync();
        await PriceAsync("AAPL", 100m);
        using var metrics = new HostMetrics(Fixture.Factory.Services);

        (await client.PostAsync("/api/v1/orders", Market(1m))).EnsureStatus(HttpStatusCode.Created);

        Assert.Equal(1, metrics.Sum("riskplatform.broker.calls", ("broker", "paper"), ("operation", "submit_order"), ("outcome", "ok")));
        Assert.Empty(metrics.Of("riskplatform.broker.calls", ("broker", "alpaca")));
    }

    [Fact]
    public async Task CreatingAnApiKey_CountsOneSealOfTheVault()
    {
        var client = await SignedInAsync();
        using var metrics = new HostMetrics(Fixture.Factory.Services);

        await ApiKeyTestData.CreateAsync(client, "metrics key");

        Assert.Equal(1, metrics.Sum("riskplatform.vault.operations", ("kind", "seal"), ("outcome", "ok")));
        Assert.Empty(metrics.Of("riskplatform.vault.operations", ("outcome", "failed")));
    }

    [Fact]
    public async Task AQuoteOfAHeldSymbol_CountsAnEvaluationOfTheHolderAndItsLag()
    {
        var client = await SignedInAsync();
        await PriceAsync("AAPL", 100m);
        (await client.PostAsync("/api/v1/orders", Market(1m))).EnsureStatus(HttpStatusCode.Created);
        await Fixture.MonitorIdleAsync();
        using var metrics = new HostMetrics(Fixture.Factory.Services);

        await PriceAsync("AAPL", 101m);
        await Fixture.MonitorIdleAsync();

        Assert.True(metrics.Sum("riskplatform.monitor.evaluations", ("outcome", "evaluated")) >= 1, "the holder's run was not counted");
        Assert.NotEmpty(metrics.Of("riskplatform.monitor.lag"));
        Assert.Empty(metrics.Of("riskplatform.monitor.evaluations", ("outcome", "failed")));
    }

    [Fact]
    public async Task OutboxGauges_WithNothingWaiting_ReportNoDepthAndNoAge()
    {
        using var metrics = new HostMetrics(Fixture.Factory.Services);

        metrics.Observe();

        Assert.Empty(metrics.Of("riskplatform.outbox.depth"));
        Assert.Equal(0, Assert.Single(metrics.Of("riskplatform.outbox.age")).Value);
        Assert.Equal(0, Assert.Single(metrics.Of("riskplatform.broker.circuits.open")).Value);
    }

    private static object Market(decimal qty) => new { symbol = "AAPL", side = "buy", qty, type = "market", time_in_force = "day" };

    private async Task PriceAsync(string symbol, decimal price) =>
        (await (await MarketFeedAsync()).PutAsync($"/api/v1/market/quotes/{symbol}", new { price })).EnsureStatus(HttpStatusCode.OK);
}

[Collection(nameof(SqliteCollection))]
public sealed class DomainMetricsTestsOnSqlite(SqliteApiFixture fixture) : DomainMetricsTests(fixture);

[Collection(nameof(PostgresCollection))]
public sealed class DomainMetricsTestsOnPostgres(PostgresApiFixture fixture) : DomainMetricsTests(fixture);
