using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using RiskPlatform.Api.FunctionalTests.Infrastructure;
using RiskPlatform.Domain.MarketData;
using RiskPlatform.Domain.RiskRules;
using RiskPlatform.Domain.Trading;
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

    public static async Task AgeQuoteAsync(ApiFixture fixture, string symbol, TimeSpan age)
    {
        await using var scope = fixture.Factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<RiskPlatformDbContext>();
        var stale = DateTime.UtcNow - age;
        await db.Set<MarketQuote>().Where(q => q.Symbol == symbol).ExecuteUpdateAsync(s => s.SetProperty(q => q.UpdatedAt, stale));
    }
}
