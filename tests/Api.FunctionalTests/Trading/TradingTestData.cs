using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using RiskPlatform.Api.FunctionalTests.Infrastructure;
using RiskPlatform.Api.Cli;
using RiskPlatform.Domain.MarketData;
using RiskPlatform.Domain.MarketData.History;
using RiskPlatform.Domain.RiskRules;
using RiskPlatform.Domain.Trading.Paper;
using RiskPlatform.Infrastructure.Persistence;

namespace RiskPlatform.Api.FunctionalTests.Trading;

/// <summary>
/// Direct database access for trading tests: rules are seeded here (their CRUD endpoints live on another branch), and state
/// the API does not expose (paper account, stale quotes) is read or set here.
/// </summary>
internal static class TradingTestData
{
    public static async Task<Guid> AddRuleAsync(
        ApiFixture fixture,
        Guid userId,
        RiskRuleType type,
        decimal threshold,
        ThresholdUnit unit,
        RiskAction action,
        IEnumerable<string>? symbols = null,
        int? windowSeconds = null)
    {
        await using var scope = fixture.Factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<RiskPlatformDbContext>();
        var rule = RiskRule.Create(userId, $"{type} {threshold}", null, type, threshold, unit, action, symbols: symbols, windowSeconds: windowSeconds);
        db.Add(rule);
        await db.SaveChangesAsync();
        await fixture.ForgetAccountAsync(userId);
        return rule.Id;
    }

    public static async Task<int> BreachCountAsync(ApiFixture fixture, Guid ruleId)
    {
        await using var scope = fixture.Factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<RiskPlatformDbContext>();
        return await db.Set<RiskRule>().Where(r => r.Id == ruleId).Select(r => r.BreachCount).SingleAsync();
    }

    public static async Task<int> BreachRowsAsync(ApiFixture fixture, Guid ruleId)
    {
        await using var scope = fixture.Factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<RiskPlatformDbContext>();
        return await db.Set<RiskBreach>().CountAsync(b => b.RuleId == ruleId);
    }

    public static async Task<int> PaperOrderCountAsync(ApiFixture fixture)
    {
        await using var scope = fixture.Factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<RiskPlatformDbContext>();
        return await db.Set<PaperOrder>().CountAsync();
    }

    public static async Task<PaperAccount?> PaperAccountAsync(ApiFixture fixture, Guid userId)
    {
        await using var scope = fixture.Factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<RiskPlatformDbContext>();
        return await db.Set<PaperAccount>().AsNoTracking().Include(a => a.Positions).Include(a => a.Orders)
            .SingleOrDefaultAsync(a => a.UserId == userId);
    }

    /// <summary>
    /// Imports daily bars through the operator's command (so the rules' kept history is invalidated as in production): for each
    /// symbol, closes from 100 compounding its returns, one per business day up to yesterday (New York), open = close.
    /// </summary>
    public static async Task ImportDailyClosesAsync(ApiFixture fixture, params (string Symbol, Func<int, double> Return)[] series)
    {
        const int days = 40;
        var dates = new List<DateOnly>();
        var today = PriceBar.TradingDateOf(DateTime.UtcNow);
        for (var d = today.AddDays(-1); dates.Count < days + 1; d = d.AddDays(-1))
        {
            if (d.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday))
            {
                dates.Add(d);
            }
        }

        dates.Reverse();
        var lines = new List<string> { "symbol,date,open,high,low,close,volume" };
        foreach (var (symbol, at) in series)
        {
            var close = 100m;
            for (var t = 0; t < dates.Count; t++)
            {
                close = t == 0 ? close : Math.Round(close * (1m + (decimal)at(t - 1)), 6);
                lines.Add(string.Create(CultureInfo.InvariantCulture, $"{symbol},{dates[t]:yyyy-MM-dd},{close},{close},{close},{close},1000"));
            }
        }

        var path = Path.Combine(Path.GetTempPath(), $"bars-{Guid.NewGuid():N}.csv");
        await File.WriteAllLinesAsync(path, lines);
        using var output = new StringWriter();
        var exit = await MarketCommandLine.RunAsync(fixture.Factory.Services, ["market", "import-bars", path], output, output, CancellationToken.None);
        File.Delete(path);
        Assert.True(exit == 0, output.ToString());
    }

    /// <summary>Daily returns that move up and down (nothing constant), for correlated and anti-correlated series.</summary>
    public static double Wave(int t) => 0.01 * Math.Sin((t * 1.7) + 0.3);

    public static async Task AgeQuoteAsync(ApiFixture fixture, string symbol, TimeSpan age)
    {
        await using var scope = fixture.Factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<RiskPlatformDbContext>();
        var stale = DateTime.UtcNow - age;
        await db.Set<MarketQuote>().Where(q => q.Symbol == symbol).ExecuteUpdateAsync(s => s.SetProperty(q => q.UpdatedAt, stale));
    }
}
