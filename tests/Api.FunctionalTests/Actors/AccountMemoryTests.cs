using System.Net;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using RiskPlatform.Api.FunctionalTests.Infrastructure;
using RiskPlatform.Api.FunctionalTests.Notifications;
using RiskPlatform.Application.Common.Actors;
using RiskPlatform.Domain.MarketData;
using RiskPlatform.Domain.Notifications;
using RiskPlatform.Domain.RiskRules;
using RiskPlatform.Domain.Trading.Paper;
using RiskPlatform.Infrastructure.Persistence;

namespace RiskPlatform.Api.FunctionalTests.Actors;

/// <summary>
/// The risk reads are answered on the account's actor from what it remembers of the account (rules, paper account, binding),
/// and so are orders for the parts they never change (rules, binding); every command makes it load again what that command may
/// have changed: a read or an order never sees less than the last command answered.
/// </summary>
public abstract class AccountMemoryTests(ApiFixture fixture) : FunctionalTest(fixture)
{
    [Fact]
    public async Task RiskReads_AreAnsweredFromTheActorsMemory_UntilTheActorIsToldToForget()
    {
        var client = await SignedInAsync();
        (await (await MarketFeedAsync()).PutAsync("/api/v1/market/quotes/AAPL", new { price = 10m })).EnsureStatus(HttpStatusCode.OK);
        var ruleId = (await client.PostAsync("/api/v1/risk-rules", AccountActorTests.BlockAbove100Shares))
            .EnsureStatus(HttpStatusCode.Created).Body!["id"]!.GetValue<Guid>();
        Assert.Equal(100m, await MaxBuyAsync(client));

        // A write the service did not make (an operator's SQL): the actor still answers from what it loaded.
        await SetThresholdBehindTheServicesBackAsync(ruleId, 30m);
        Assert.Equal(100m, await MaxBuyAsync(client));

        await Fixture.ForgetAccountAsync(client.UserId);
        Assert.Equal(30m, await MaxBuyAsync(client));
    }

    [Fact]
    public async Task Orders_AreJudgedByTheRulesTheActorRemembers_AcrossOrders_UntilARuleCommandChangesThem()
    {
        var client = await SignedInAsync();
        (await (await MarketFeedAsync()).PutAsync("/api/v1/market/quotes/AAPL", new { price = 10m })).EnsureStatus(HttpStatusCode.OK);
        var ruleId = (await client.PostAsync("/api/v1/risk-rules", AccountActorTests.BlockAbove100Shares))
            .EnsureStatus(HttpStatusCode.Created).Body!["id"]!.GetValue<Guid>();
        (await client.PostAsync("/api/v1/orders", AccountActorTests.Buy(10m))).EnsureStatus(HttpStatusCode.Created);

        // Behind the service's back the limit drops to 15 shares: the orders after the first are still judged by the
        // remembered 100, which proves they did not load the rules again.
        await SetThresholdBehindTheServicesBackAsync(ruleId, 15m);
        (await client.PostAsync("/api/v1/orders", AccountActorTests.Buy(10m))).EnsureStatus(HttpStatusCode.Created);

        // A rule command of the account drops them: the next order is judged by the rule as that command left it.
        (await client.PutAsync($"/api/v1/risk-rules/{ruleId}", new { threshold_value = 25m })).EnsureStatus(HttpStatusCode.OK);
        (await client.PostAsync("/api/v1/orders", AccountActorTests.Buy(10m))).EnsureStatus(HttpStatusCode.UnprocessableEntity);
        (await client.PostAsync("/api/v1/orders", AccountActorTests.Buy(4m))).EnsureStatus(HttpStatusCode.Created);
    }

    [Fact]
    public async Task OrderNotifications_AreRoutedByWhatTheActorRemembers_UntilASettingsChangeCommits()
    {
        var client = await SignedInAsync();
        (await (await MarketFeedAsync()).PutAsync("/api/v1/market/quotes/AAPL", new { price = 10m })).EnsureStatus(HttpStatusCode.OK);
        var preferenceId = (await client.PostAsync(
                "/api/v1/notifications/preferences", new { notification_type = "order_filled", channel = "websocket", is_enabled = true }))
            .EnsureStatus(HttpStatusCode.Created).Body!["id"]!.GetValue<Guid>();
        Assert.True(await FillGoesToTheWebsocketAsync(client));

        // Behind the service's back the websocket is switched off: the next fill is still routed by the remembered preference,
        // which proves the order did not read the preferences again.
        await using (var scope = Fixture.Factory.Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<RiskPlatformDbContext>().Set<NotificationPreference>()
                .Where(p => p.Id == preferenceId)
                .ExecuteUpdateAsync(s => s.SetProperty(p => p.IsEnabled, false), TestContext.Current.CancellationToken);
        }

        Assert.True(await FillGoesToTheWebsocketAsync(client));

        // A settings change through the service (any of the user's preferences) makes the actor forget once it committed.
        (await client.PutAsync($"/api/v1/notifications/preferences/{preferenceId}", new { min_priority = "urgent" })).EnsureStatus(HttpStatusCode.OK);
        Assert.False(await FillGoesToTheWebsocketAsync(client));
    }

    [Fact]
    public async Task Orders_StartFromThePositionsTheLastOrderCommitted_WithoutReadingThem_UntilTheActorIsToldToForget()
    {
        var client = await SignedInAsync();
        (await (await MarketFeedAsync()).PutAsync("/api/v1/market/quotes/AAPL", new { price = 10m })).EnsureStatus(HttpStatusCode.OK);
        (await client.PostAsync("/api/v1/risk-rules", AccountActorTests.BlockAbove100Shares)).EnsureStatus(HttpStatusCode.Created);
        (await client.PostAsync("/api/v1/orders", AccountActorTests.Buy(10m))).EnsureStatus(HttpStatusCode.Created);

        // Behind the service's back the position grows to 95 shares: the next order is judged by the 10 its actor kept from the
        // last order's commit, which proves it read neither the paper account nor its positions.
        await SetPositionBehindTheServicesBackAsync(client.UserId, 95m);
        (await client.PostAsync("/api/v1/orders", AccountActorTests.Buy(10m))).EnsureStatus(HttpStatusCode.Created);

        await SetPositionBehindTheServicesBackAsync(client.UserId, 95m);
        await Fixture.ForgetAccountAsync(client.UserId);
        (await client.PostAsync("/api/v1/orders", AccountActorTests.Buy(10m))).EnsureStatus(HttpStatusCode.UnprocessableEntity);
    }

    [Fact]
    public async Task WhatTheActorKeeps_AfterEveryKindOfAccountCommand_IsWhatTheDatabaseHolds()
    {
        var client = await SignedInAsync();
        var feed = await MarketFeedAsync();
        (await feed.PutAsync("/api/v1/market/quotes/AAPL", new { price = 10m })).EnsureStatus(HttpStatusCode.OK);
        (await feed.PutAsync("/api/v1/market/quotes/MSFT", new { price = 20m })).EnsureStatus(HttpStatusCode.OK);
        (await client.PostAsync("/api/v1/risk-rules", AccountActorTests.BlockAbove100Shares)).EnsureStatus(HttpStatusCode.Created);

        // The first order opens the paper account and the portfolio state.
        (await client.PostAsync("/api/v1/orders", AccountActorTests.Buy(10m))).EnsureStatus(HttpStatusCode.Created);
        await AssertRemembersWhatIsStoredAsync(client);

        var restingMsft = (await client.PostAsync("/api/v1/orders", LimitBuy("MSFT", 5m, 15m))).EnsureStatus(HttpStatusCode.Created).Body!["id"]!.GetValue<Guid>();
        var restingAapl = (await client.PostAsync("/api/v1/orders", LimitBuy("AAPL", 3m, 5m))).EnsureStatus(HttpStatusCode.Created).Body!["id"]!.GetValue<Guid>();
        await AssertRemembersWhatIsStoredAsync(client);

        (await client.PostAsync("/api/v1/orders", new { symbol = "AAPL", side = "sell", qty = 4m, type = "market", time_in_force = "day" }))
            .EnsureStatus(HttpStatusCode.Created);
        await AssertRemembersWhatIsStoredAsync(client);

        // A quote that crosses the resting MSFT limit fills it on the account's actor.
        (await feed.PutAsync("/api/v1/market/quotes/MSFT", new { price = 14m })).EnsureStatus(HttpStatusCode.OK);
        await WaitForStatusAsync(client, restingMsft, "filled");
        await AssertRemembersWhatIsStoredAsync(client);

        (await client.DeleteAsync($"/api/v1/orders/{restingAapl}")).EnsureStatus(HttpStatusCode.OK);
        await AssertRemembersWhatIsStoredAsync(client);

        (await client.PostAsync("/api/v1/trading/halt", new { reason = "lunch" })).EnsureStatus(HttpStatusCode.OK);
        await AssertRemembersWhatIsStoredAsync(client);
        (await client.PostAsync("/api/v1/trading/resume", new { })).EnsureStatus(HttpStatusCode.OK);
        await AssertRemembersWhatIsStoredAsync(client);

        // Blocked: the breach commits, the account does not change.
        (await client.PostAsync("/api/v1/orders", AccountActorTests.Buy(150m))).EnsureStatus(HttpStatusCode.UnprocessableEntity);
        await AssertRemembersWhatIsStoredAsync(client);
    }

    [Fact]
    public async Task RiskReads_AfterEachCommandOfTheAccount_SeeWhatItChanged()
    {
        var client = await SignedInAsync();
        (await (await MarketFeedAsync()).PutAsync("/api/v1/market/quotes/AAPL", new { price = 10m })).EnsureStatus(HttpStatusCode.OK);
        var ruleId = (await client.PostAsync("/api/v1/risk-rules", AccountActorTests.BlockAbove100Shares))
            .EnsureStatus(HttpStatusCode.Created).Body!["id"]!.GetValue<Guid>();
        Assert.Equal(100m, await MaxBuyAsync(client));

        (await client.PutAsync($"/api/v1/risk-rules/{ruleId}", new { threshold_value = 40m })).EnsureStatus(HttpStatusCode.OK);
        Assert.Equal(40m, await MaxBuyAsync(client));

        (await client.PostAsync("/api/v1/orders", AccountActorTests.Buy(10m))).EnsureStatus(HttpStatusCode.Created);
        Assert.Equal(30m, await MaxBuyAsync(client));
        var risk = (await client.GetAsync("/api/v1/risk-rules/portfolio-risk")).EnsureStatus(HttpStatusCode.OK).Body!;
        Assert.Equal(1, risk["number_of_positions"]!.GetValue<int>());

        (await client.PostAsync("/api/v1/trading/halt", new { reason = "lunch" })).EnsureStatus(HttpStatusCode.OK);
        var halted = (await client.GetAsync("/api/v1/risk-rules/max-quantity?symbol=AAPL&side=buy")).EnsureStatus(HttpStatusCode.OK).Body!;
        Assert.Equal("TRADING_HALTED", halted["failure_code"]!.GetValue<string>());
        Assert.Equal("halted", (await client.GetAsync("/api/v1/trading/state")).EnsureStatus(HttpStatusCode.OK).Body!["state"]!.GetValue<string>());
        (await client.PostAsync("/api/v1/trading/resume", new { })).EnsureStatus(HttpStatusCode.OK);
        Assert.Equal("active", (await client.GetAsync("/api/v1/trading/state")).EnsureStatus(HttpStatusCode.OK).Body!["state"]!.GetValue<string>());

        (await client.DeleteAsync($"/api/v1/risk-rules/{ruleId}")).EnsureStatus(HttpStatusCode.NoContent);
        Assert.Null(await MaxBuyAsync(client));
    }

    [Fact]
    public async Task RiskReads_RacingOrders_NeverSeeLessThanTheOrdersAnswered()
    {
        var client = await SignedInAsync();
        (await (await MarketFeedAsync()).PutAsync("/api/v1/market/quotes/AAPL", new { price = 10m })).EnsureStatus(HttpStatusCode.OK);
        (await client.PostAsync("/api/v1/risk-rules", AccountActorTests.BlockAbove100Shares)).EnsureStatus(HttpStatusCode.Created);

        // Readers run all the while: after each order's 201, the next read must count its shares.
        using var stop = new CancellationTokenSource();
        var readers = Enumerable.Range(0, 4).Select(_ => Task.Run(async () =>
        {
            while (!stop.IsCancellationRequested)
            {
                await MaxBuyAsync(client);
            }
        })).ToList();
        for (var bought = 5m; bought <= 50m; bought += 5m)
        {
            (await client.PostAsync("/api/v1/orders", AccountActorTests.Buy(5m))).EnsureStatus(HttpStatusCode.Created);
            Assert.Equal(100m - bought, await MaxBuyAsync(client));
        }

        await stop.CancelAsync();
        await Task.WhenAll(readers);
    }

    [Fact]
    public async Task HeldPositions_AreValuedWithTheQuotesTheActorRemembers_AndEveryQuoteThroughTheServiceReachesItBeforeItsAnswer()
    {
        var client = await SignedInAsync();
        var feed = await MarketFeedAsync();
        (await feed.PutAsync("/api/v1/market/quotes/AAPL", new { price = 10m })).EnsureStatus(HttpStatusCode.OK);
        (await client.PostAsync("/api/v1/orders", AccountActorTests.Buy(10m))).EnsureStatus(HttpStatusCode.Created);
        Assert.Equal(100m, await PositionValueAsync(client));

        // A price the service did not set (an operator's SQL): a read soon after still values with the remembered quote, which
        // proves it did not read the quote again. The memory answers for AccountMemory.QuoteLifetime without a push, so a
        // machine slow enough to take longer between the two reads may see the new price.
        var changed = System.Diagnostics.Stopwatch.StartNew();
        await using (var scope = Fixture.Factory.Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<RiskPlatformDbContext>().Set<MarketQuote>()
                .Where(q => q.Symbol == "AAPL")
                .ExecuteUpdateAsync(s => s.SetProperty(q => q.Last, 20m).SetProperty(q => q.Bid, 20m).SetProperty(q => q.Ask, 20m), TestContext.Current.CancellationToken);
        }

        var valued = await PositionValueAsync(client);
        Assert.True(valued == 100m || changed.Elapsed > AccountMemory.QuoteLifetime, $"valued at {valued} after {changed.Elapsed}");

        // A quote through the service reaches the actor before the quote request is answered: the next read values with it.
        (await feed.PutAsync("/api/v1/market/quotes/AAPL", new { price = 30m })).EnsureStatus(HttpStatusCode.OK);
        Assert.Equal(300m, await PositionValueAsync(client));
        (await feed.PutAsync("/api/v1/market/quotes", new[] { new { symbol = "AAPL", price = 31m } })).EnsureStatus(HttpStatusCode.OK);
        Assert.Equal(310m, await PositionValueAsync(client));

        // An order (a command) values with the committed quote and makes the actor load the quotes again.
        await using (var scope = Fixture.Factory.Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<RiskPlatformDbContext>().Set<MarketQuote>()
                .Where(q => q.Symbol == "AAPL")
                .ExecuteUpdateAsync(s => s.SetProperty(q => q.Last, 40m).SetProperty(q => q.Bid, 40m).SetProperty(q => q.Ask, 40m), TestContext.Current.CancellationToken);
        }

        (await client.PostAsync("/api/v1/orders", AccountActorTests.Buy(1m))).EnsureStatus(HttpStatusCode.Created);
        Assert.Equal(440m, await PositionValueAsync(client));
    }

    private static async Task<decimal> PositionValueAsync(ApiClient client) =>
        (await client.GetAsync("/api/v1/risk-rules/portfolio-risk")).EnsureStatus(HttpStatusCode.OK).Body!["total_position_value"]!.GetValue<decimal>();

    /// <remarks>
    /// A 503 <c>database_unavailable</c> is the service's "try again" and is retried as a client would. Once, in CI, a read
    /// beside orders on SQLite answered it (not reproduced since; see the closing note of this change).
    /// </remarks>
    private static async Task<decimal?> MaxBuyAsync(ApiClient client)
    {
        for (var attempt = 1; ; attempt++)
        {
            var response = await client.GetAsync("/api/v1/risk-rules/max-quantity?symbol=AAPL&side=buy");
            if (response.Status == HttpStatusCode.ServiceUnavailable && attempt < 5
                && response.Body?["code"]?.GetValue<string>() == "database_unavailable")
            {
                await Task.Delay(50 * attempt, TestContext.Current.CancellationToken);
                continue;
            }

            return response.EnsureStatus(HttpStatusCode.OK).Body!["max_quantity"]?.GetValue<decimal>();
        }
    }

    /// <summary>Places a one-share buy: whether its fill notification (the newest) got a websocket delivery row.</summary>
    private async Task<bool> FillGoesToTheWebsocketAsync(ApiClient client)
    {
        (await client.PostAsync("/api/v1/orders", AccountActorTests.Buy(1m))).EnsureStatus(HttpStatusCode.Created);
        var fill = (await client.GetAsync("/api/v1/notifications?limit=100")).Array
            .Where(n => n!["type"]!.GetValue<string>() == "order_filled")
            .MaxBy(n => n!["created_at"]!.GetValue<DateTime>())!;
        var id = fill["id"]!.GetValue<Guid>();
        return await Fixture.CountAsync(
            $"SELECT COUNT(*) FROM notification_deliveries WHERE notification_id = {Fixture.Literal(id)} AND channel = 'Websocket'") == 1;
    }

    private static object LimitBuy(string symbol, decimal qty, decimal limitPrice) =>
        new { symbol, side = "buy", qty, type = "limit", limit_price = limitPrice, time_in_force = "gtc" };

    /// <summary>
    /// The account as its actor answers it now (from what it kept), then as the database holds it (the actor told to forget):
    /// the same risk figures, positions and limits, timestamps aside.
    /// </summary>
    private async Task AssertRemembersWhatIsStoredAsync(ApiClient client)
    {
        var remembered = await AccountViewAsync(client);
        await Fixture.ForgetAccountAsync(client.UserId);
        var stored = await AccountViewAsync(client);
        Assert.Equal(stored, remembered);
    }

    private static async Task<string> AccountViewAsync(ApiClient client)
    {
        var risk = WithoutTimestamps((await client.GetAsync("/api/v1/risk-rules/portfolio-risk")).EnsureStatus(HttpStatusCode.OK).Body!);
        var state = (await client.GetAsync("/api/v1/trading/state")).EnsureStatus(HttpStatusCode.OK).Body!.AsObject();
        var maxBuy = (await client.GetAsync("/api/v1/risk-rules/max-quantity?symbol=AAPL&side=buy")).EnsureStatus(HttpStatusCode.OK).Body!;
        return $"{risk.ToJsonString()} {state["state"]} {maxBuy["max_quantity"]}";
    }

    private static JsonNode WithoutTimestamps(JsonNode node)
    {
        if (node is JsonObject json)
        {
            foreach (var (key, value) in json.ToList())
            {
                if (key.EndsWith("_at", StringComparison.Ordinal))
                {
                    json.Remove(key);
                }
                else if (value is not null)
                {
                    WithoutTimestamps(value);
                }
            }
        }
        else if (node is JsonArray array)
        {
            foreach (var item in array.OfType<JsonNode>())
            {
                WithoutTimestamps(item);
            }
        }

        return node;
    }

    private static async Task WaitForStatusAsync(ApiClient client, Guid orderId, string status)
    {
        for (var attempt = 0; attempt < 200; attempt++)
        {
            var order = (await client.GetAsync($"/api/v1/orders/{orderId}")).EnsureStatus(HttpStatusCode.OK).Body!;
            if (order["status"]!.GetValue<string>() == status)
            {
                return;
            }

            await Task.Delay(25, TestContext.Current.CancellationToken);
        }

        Assert.Fail($"Order {orderId} never became {status}.");
    }

    private async Task SetPositionBehindTheServicesBackAsync(Guid userId, decimal quantity)
    {
        await using var scope = Fixture.Factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<RiskPlatformDbContext>();
        var accountId = await db.Set<PaperAccount>().Where(a => a.UserId == userId).Select(a => a.Id).SingleAsync(TestContext.Current.CancellationToken);
        await db.Set<PaperPosition>()
            .Where(p => p.PaperAccountId == accountId && p.Symbol == "AAPL")
            .ExecuteUpdateAsync(s => s.SetProperty(p => p.Quantity, quantity), TestContext.Current.CancellationToken);
    }

    private async Task SetThresholdBehindTheServicesBackAsync(Guid ruleId, decimal threshold)
    {
        await using var scope = Fixture.Factory.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<RiskPlatformDbContext>().Set<RiskRule>()
            .Where(r => r.Id == ruleId)
            .ExecuteUpdateAsync(s => s.SetProperty(r => r.ThresholdValue, threshold), TestContext.Current.CancellationToken);
    }
}

[Collection(nameof(SqliteTradingCollection))]
public sealed class AccountMemoryTestsOnSqlite(SqliteApiFixture fixture) : AccountMemoryTests(fixture);

[Collection(nameof(PostgresTradingCollection))]
public sealed class AccountMemoryTestsOnPostgres(PostgresApiFixture fixture) : AccountMemoryTests(fixture);
