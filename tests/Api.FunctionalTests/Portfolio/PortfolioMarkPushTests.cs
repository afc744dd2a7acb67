using System.Net;
using RiskPlatform.Api.FunctionalTests.Infrastructure;
using RiskPlatform.Api.FunctionalTests.Notifications;

namespace RiskPlatform.Api.FunctionalTests.Portfolio;

/// <summary>The hub's <c>portfolio_marked</c> event: an account's latest mark, pushed after the command that marked it commits.</summary>
public abstract class PortfolioMarkPushTests(ApiFixture fixture) : FunctionalTest(fixture)
{
    [Fact]
    public async Task OrderFill_WhileConnected_PushesTheNewMarkToTheOwnersConnectionOnlyInSnakeCase()
    {
        (await (await MarketFeedAsync()).PutAsync("/api/v1/market/quotes/AAPL", new { price = 100m })).EnsureStatus(HttpStatusCode.OK);
        using var alice = await SignedInAsync();
        using var bob = await SignedInAsync();
        await using var aliceHub = await NotificationHubClient.ConnectAsync(Fixture.Factory.Server, alice.AccessToken);
        await using var bobHub = await NotificationHubClient.ConnectAsync(Fixture.Factory.Server, bob.AccessToken);
        await NotificationsHubTests.WaitUntilConnectedAsync(Fixture.Factory.Services, alice.UserId, bob.UserId);

        var order = (await alice.PostAsync("/api/v1/orders", new { symbol = "AAPL", side = "buy", qty = 10m, type = "market", time_in_force = "day" }))
            .EnsureStatus(HttpStatusCode.Created).Body!;
        Assert.Equal("filled", order["status"]!.GetValue<string>());

        // The monitor run the fill queues marks the account after the fill committed: 1,000 of cash became 10 AAPL.
        var aliceEvents = await aliceHub.WaitUntilAsync(
            e => e.Any(x => x.Name == "portfolio_marked" && x.Payload.GetProperty("cash").GetDecimal() == 99_000m), "alice's mark after her fill");
        var mark = aliceEvents.Last(e => e.Name == "portfolio_marked").Payload;
        Assert.Equal(
            ["cash", "current_drawdown", "current_drawdown_percent", "daily_pl", "daily_pl_percent", "equity", "high_water_mark", "marked_at", "trading_state", "trading_state_reason"],
            mark.EnumerateObject().Select(p => p.Name).Order(StringComparer.Ordinal));
        Assert.Equal(100_000m, mark.GetProperty("equity").GetDecimal());
        Assert.Equal(0m, mark.GetProperty("daily_pl").GetDecimal());
        Assert.Equal(0m, mark.GetProperty("current_drawdown_percent").GetDecimal());
        Assert.Equal(100_000m, mark.GetProperty("high_water_mark").GetDecimal());
        Assert.Equal("active", mark.GetProperty("trading_state").GetString());
        Assert.True(DateTime.UtcNow - mark.GetProperty("marked_at").GetDateTime().ToUniversalTime() < TimeSpan.FromMinutes(1));

        // Bob's own halt reaches his connection; pushes leave in order, so alice's mark, queued earlier, would have come first.
        (await bob.PostAsync("/api/v1/trading/halt", new { reason = "bob stops" })).EnsureStatus(HttpStatusCode.OK);
        var bobEvents = await bobHub.WaitUntilAsync(e => e.Any(x => x.Name == "portfolio_marked"), "bob's mark after his halt");
        var bobMark = Assert.Single(bobEvents, e => e.Name == "portfolio_marked").Payload;
        Assert.Equal("halted", bobMark.GetProperty("trading_state").GetString());
        Assert.Equal("bob stops", bobMark.GetProperty("trading_state_reason").GetString());
        Assert.Equal(100_000m, bobMark.GetProperty("cash").GetDecimal());
        Assert.DoesNotContain(aliceHub.Received, e => e.Name == "portfolio_marked" && e.Payload.GetProperty("trading_state").GetString() == "halted");
    }
}

[Collection(nameof(SqliteTradingCollection))]
public sealed class PortfolioMarkPushTestsOnSqlite(SqliteApiFixture fixture) : PortfolioMarkPushTests(fixture);

[Collection(nameof(PostgresTradingCollection))]
public sealed class PortfolioMarkPushTestsOnPostgres(PostgresApiFixture fixture) : PortfolioMarkPushTests(fixture);
