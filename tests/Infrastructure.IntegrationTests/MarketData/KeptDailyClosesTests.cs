using MediatR;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using RiskPlatform.Application.MarketData.Commands.ImportPriceBars;
using RiskPlatform.Application.MarketData.Common;
using RiskPlatform.Application.RiskRules.Common;
using RiskPlatform.Application.Trading.Common;
using RiskPlatform.Domain.MarketData.History;
using RiskPlatform.Domain.RiskRules;
using RiskPlatform.Infrastructure.IntegrationTests.Persistence;
using RiskPlatform.Infrastructure.MarketData;
using RiskPlatform.Infrastructure.Persistence;

namespace RiskPlatform.Infrastructure.IntegrationTests.MarketData;

/// <summary>
/// The read side's kept daily closes (<see cref="RuleMarketDataCache"/> as <see cref="IKeptDailyCloses"/> and as the history
/// rules' <see cref="IRuleMarketData"/>) over a real database: a kept symbol whose bar version stays is not read again (a change
/// made behind the service's back, without a version, stays unseen); an import by this or another process (another composition
/// on the same database, whose writes this one is never told of), an invalidation or a new trading date makes it read again;
/// the store stays under its limit by forgetting the least recently used.
/// </summary>
public abstract class KeptDailyClosesTests(DatabaseFixture fixture) : IAsyncLifetime
{
    // 16:00 UTC is 11:00 in New York: "today" is 2026-03-04, the kept closes end on the 3rd.
    private static readonly DateTime Now = new(2026, 3, 4, 16, 0, 0, DateTimeKind.Utc);
    private static readonly DateOnly Today = new(2026, 3, 4);
    private static readonly DateOnly From = Today.AddDays(-10);

    public async ValueTask InitializeAsync()
    {
        await fixture.ResetAsync();

        // The service's own store is a singleton of the shared provider: start every test without what earlier ones kept.
        fixture.Services.GetRequiredService<IRuleMarketData>().Invalidate(null);
    }

    public ValueTask DisposeAsync()
    {
        GC.SuppressFinalize(this);
        return ValueTask.CompletedTask;
    }

    [Fact]
    public async Task BeforeToday_ReturnsTheWindowUpToYesterdayInDateOrder_WithoutTodaysBar()
    {
        await StoreAsync("AAPL", (Today.AddDays(-12), 90m), (Today.AddDays(-3), 101m), (Today.AddDays(-1), 103m), (Today.AddDays(-2), 102m), (Today, 104m));
        await StoreAsync("MSFT", (Today.AddDays(-1), 300m));

        var closes = await Cache().BeforeTodayAsync(["aapl", "MSFT", "NONE"], From, Now, Ct);

        Assert.Equal(["AAPL", "MSFT"], closes.Keys.Order());
        Assert.Equal([(Today.AddDays(-3), 101m), (Today.AddDays(-2), 102m), (Today.AddDays(-1), 103m)], closes["AAPL"]);
    }

    [Fact]
    public async Task BeforeToday_WhenAskedAgain_AnswersFromMemory_AndReadsAgainOnlyWhatWasInvalidated()
    {
        await StoreAsync("AAPL", (Today.AddDays(-1), 100m));
        await StoreAsync("MSFT", (Today.AddDays(-1), 300m));
        var cache = Cache();
        await cache.BeforeTodayAsync(["AAPL", "MSFT"], From, Now, Ct);
        await ChangeBehindTheServicesBackAsync("AAPL", 111m);
        await ChangeBehindTheServicesBackAsync("MSFT", 333m);

        var kept = await cache.BeforeTodayAsync(["AAPL", "MSFT"], From, Now, Ct);
        cache.Invalidate(["aapl"]);
        var after = await cache.BeforeTodayAsync(["AAPL", "MSFT"], From, Now, Ct);

        Assert.Equal((100m, 300m), (kept["AAPL"][^1].Close, kept["MSFT"][^1].Close));
        Assert.Equal((111m, 300m), (after["AAPL"][^1].Close, after["MSFT"][^1].Close));
    }

    [Fact]
    public async Task BeforeToday_OnANewTradingDate_OrForALongerWindow_ReadsAgain()
    {
        await StoreAsync("AAPL", (Today.AddDays(-20), 80m), (Today.AddDays(-1), 100m));
        var cache = Cache();
        await cache.BeforeTodayAsync(["AAPL"], From, Now, Ct);
        await StoreAsync("AAPL", (Today, 104m));
        await ChangeBehindTheServicesBackAsync("AAPL", 111m);

        var longer = await cache.BeforeTodayAsync(["AAPL"], Today.AddDays(-30), Now, Ct);
        await ChangeBehindTheServicesBackAsync("AAPL", 122m);
        var shorter = await cache.BeforeTodayAsync(["AAPL"], From, Now, Ct);
        var tomorrow = await cache.BeforeTodayAsync(["AAPL"], From, Now.AddDays(1), Ct);

        Assert.Equal([(Today.AddDays(-20), 111m), (Today.AddDays(-1), 111m)], longer["AAPL"]);
        Assert.Equal([(Today.AddDays(-1), 111m)], shorter["AAPL"]);
        Assert.Equal([(Today.AddDays(-1), 122m), (Today, 104m)], tomorrow["AAPL"]);
    }

    [Fact]
    public async Task BeforeToday_AfterTheImportCommandStoresBarsOfAKeptSymbol_ReadsItAgain()
    {
        await StoreAsync("AAPL", (Today.AddDays(-1), 100m));
        await StoreAsync("MSFT", (Today.AddDays(-1), 300m));
        var cache = fixture.Services.GetRequiredService<IKeptDailyCloses>();
        await cache.BeforeTodayAsync(["AAPL", "MSFT"], From, Now, Ct);
        await ChangeBehindTheServicesBackAsync("MSFT", 333m);

        await ImportAsync(new PriceBarInput("aapl", Today.AddDays(-2), 98m, 98m, 98m, 98m, 0m), new PriceBarInput("AAPL", Today.AddDays(-1), 99m, 99m, 99m, 99m, 0m));
        var after = await cache.BeforeTodayAsync(["AAPL", "MSFT"], From, Now, Ct);

        Assert.Equal([(Today.AddDays(-2), 98m), (Today.AddDays(-1), 99m)], after["AAPL"]);
        Assert.Equal(300m, after["MSFT"][^1].Close);
    }

    [Fact]
    public async Task BeforeToday_AfterAnotherProcessImportsBarsOfKeptSymbols_ReadsThemAgain_WithoutBeingTold()
    {
        // AAPL has no bar version yet (version 0), MSFT has one from an import (1), NVDA has no bars at all.
        await StoreAsync("AAPL", (Today.AddDays(-1), 100m));
        await ImportAsync(fixture.Services, new PriceBarInput("MSFT", Today.AddDays(-1), 300m, 300m, 300m, 300m, 0m));
        var cache = Cache();
        var before = await cache.BeforeTodayAsync(["AAPL", "MSFT", "NVDA"], From, Now, Ct);

        await using (var otherProcess = fixture.CreateServices())
        {
            await ImportAsync(
                otherProcess,
                new PriceBarInput("AAPL", Today.AddDays(-2), 99m, 99m, 99m, 99m, 0m),
                new PriceBarInput("MSFT", Today.AddDays(-1), 333m, 333m, 333m, 333m, 0m),
                new PriceBarInput("NVDA", Today.AddDays(-1), 50m, 50m, 50m, 50m, 0m));
        }

        var after = await cache.BeforeTodayAsync(["AAPL", "MSFT", "NVDA"], From, Now, Ct);
        await ChangeBehindTheServicesBackAsync("AAPL", 1m);
        await ChangeBehindTheServicesBackAsync("MSFT", 2m);
        var again = await cache.BeforeTodayAsync(["AAPL", "MSFT", "NVDA"], From, Now, Ct);

        Assert.Equal([(Today.AddDays(-1), 100m)], before["AAPL"]);
        Assert.Equal(300m, before["MSFT"][^1].Close);
        Assert.False(before.ContainsKey("NVDA"));
        Assert.Equal([(Today.AddDays(-2), 99m), (Today.AddDays(-1), 100m)], after["AAPL"]);
        Assert.Equal(333m, after["MSFT"][^1].Close);
        Assert.Equal([(Today.AddDays(-1), 50m)], after["NVDA"]);

        // Versions unchanged since (1, 2, 1): kept, so the change without a version stays unseen.
        Assert.Equal((100m, 333m), (again["AAPL"][^1].Close, again["MSFT"][^1].Close));
    }

    [Fact]
    public async Task RuleSeries_AfterAnotherProcessImportsBarsOfAKeptSymbol_HoldTheImportedDays_WithoutBeingTold()
    {
        var correlation = RiskRule.Create(Guid.NewGuid(), "correlation", null, RiskRuleType.MaxCorrelation, 0.9m, ThresholdUnit.Ratio, RiskAction.Block, lookbackDays: 20);
        await StoreAsync("AAPL", (Today.AddDays(-3), 100m), (Today.AddDays(-1), 102m));
        var cache = Cache();
        var before = await cache.LoadAsync([correlation], ["AAPL"], Now, Ct);

        await using (var otherProcess = fixture.CreateServices())
        {
            await ImportAsync(otherProcess, new PriceBarInput("AAPL", Today.AddDays(-2), 101m, 101m, 101m, 101m, 0m));
        }

        var after = await cache.LoadAsync([correlation], ["AAPL"], Now, Ct);

        Assert.Equal(2, before.ClosesOf("AAPL")!.Count);
        Assert.Equal(3, after.ClosesOf("AAPL")!.Count);
    }

    [Fact]
    public async Task BarVersions_CountEveryCommittedImport_FromNoRowAsZero_LosingNoneToConcurrency()
    {
        // Six imports at once, each adding its own day of a symbol that has no version row: six increments, none lost.
        await Task.WhenAll(Enumerable.Range(1, 6).Select(d => Task.Run(() =>
            ImportAsync(fixture.Services, new PriceBarInput("NVDA", Today.AddDays(-d), 50m, 50m, 50m, 50m, 0m)))));
        await ImportAsync(fixture.Services, new PriceBarInput("NVDA", Today.AddDays(-1), 50m, 50m, 50m, 50m, 0m)); // unchanged: no write

        await using var scope = fixture.Services.CreateAsyncScope();
        var versions = await PriceBarVersions.ReadAsync(scope.ServiceProvider.GetRequiredService<RiskPlatformDbContext>(), ["NVDA", "AAPL"], Ct);

        Assert.Equal(new Dictionary<string, long> { ["NVDA"] = 6 }, versions);
    }

    [Fact]
    public async Task BeforeToday_OverTheLimit_ForgetsTheLeastRecentlyUsedSymbols_AndStaysUnderIt()
    {
        // Five closes each, a limit of 12: two symbols fit, a third makes 15 and the least recently used one goes.
        foreach (var symbol in new[] { "AAA", "BBB", "CCC" })
        {
            await StoreAsync(symbol, [.. Enumerable.Range(1, 5).Select(d => (Today.AddDays(-d), 10m + d))]);
        }

        var cache = Cache(keptClosesLimit: 12);
        await cache.BeforeTodayAsync(["AAA"], From, Now, Ct);
        await cache.BeforeTodayAsync(["BBB"], From, Now, Ct);
        await cache.BeforeTodayAsync(["AAA"], From, Now, Ct);
        var third = await cache.BeforeTodayAsync(["CCC"], From, Now, Ct);
        var kept = cache.KeptCloses;
        await ChangeBehindTheServicesBackAsync("AAA", 1m);
        await ChangeBehindTheServicesBackAsync("BBB", 2m);
        var again = await cache.BeforeTodayAsync(["AAA", "BBB"], From, Now, Ct);

        Assert.Equal(5, third["CCC"].Count);
        Assert.Equal(10, kept);
        Assert.Equal(11m, again["AAA"][^1].Close); // used after BBB: still kept
        Assert.Equal(2m, again["BBB"][^1].Close); // the least recently used: forgotten, read again
        Assert.True(cache.KeptCloses <= 12, $"{cache.KeptCloses} closes kept over a limit of 12");
    }

    [Fact]
    public async Task BeforeToday_ForMoreSymbolsThanOneStatementTakes_ReturnsEveryOne()
    {
        var symbols = Enumerable.Range(0, 1001).Select(i => $"S{i:D4}").ToList();
        await StoreManyAsync([.. symbols.Select(s => (s, Today.AddDays(-1), 50m))]);

        var closes = await Cache().BeforeTodayAsync(symbols, From, Now, Ct);

        Assert.Equal(1001, closes.Count);
        Assert.All(closes.Values, c => Assert.Equal([(Today.AddDays(-1), 50m)], c));
    }

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private RuleMarketDataCache Cache(int keptClosesLimit = 2_000_000) => new(
        fixture.Services.GetRequiredService<IServiceScopeFactory>(),
        Options.Create(new RiskCheckOptions()),
        Options.Create(new MarketDataOptions { KeptClosesLimit = keptClosesLimit }));

    private Task StoreAsync(string symbol, params (DateOnly Date, decimal Close)[] closes) =>
        StoreManyAsync([.. closes.Select(c => (symbol, c.Date, c.Close))]);

    private async Task StoreManyAsync((string Symbol, DateOnly Date, decimal Close)[] closes)
    {
        await using var scope = fixture.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<RiskPlatformDbContext>();
        db.AddRange(closes.Select(c => PriceBar.Create(c.Symbol, c.Date, c.Close, c.Close, c.Close, c.Close, 0m)));
        await db.SaveChangesAsync(Ct);
    }

    /// <summary>Sets every stored close of the symbol before today, as no writer of the service would: no invalidation.</summary>
    private async Task ChangeBehindTheServicesBackAsync(string symbol, decimal close)
    {
        await using var scope = fixture.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<RiskPlatformDbContext>();
        await db.Set<PriceBar>().Where(b => b.Symbol == symbol && b.Date < Today)
            .ExecuteUpdateAsync(s => s.SetProperty(b => b.Close, close), Ct);
    }

    private Task ImportAsync(params PriceBarInput[] bars) => ImportAsync(fixture.Services, bars);

    /// <summary>The import command (as <c>market import-bars</c> and the broker sync send it) through <paramref name="services"/>' pipeline.</summary>
    private static async Task ImportAsync(IServiceProvider services, params PriceBarInput[] bars)
    {
        await using var scope = services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<IMediator>().Send(new ImportPriceBarsCommand(bars), Ct);
    }
}

[Collection(nameof(SqliteDatabaseCollection))]
public sealed class KeptDailyClosesTestsOnSqlite(SqliteDatabaseFixture fixture) : KeptDailyClosesTests(fixture);

[Collection(nameof(PostgresDatabaseCollection))]
public sealed class KeptDailyClosesTestsOnPostgres(PostgresDatabaseFixture fixture) : KeptDailyClosesTests(fixture);
