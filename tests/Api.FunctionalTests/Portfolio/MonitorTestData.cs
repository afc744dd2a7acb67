using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using RiskPlatform.Api.FunctionalTests.Infrastructure;
using RiskPlatform.Domain.Portfolio.Equity;
using RiskPlatform.Domain.Portfolio.Monitoring;
using RiskPlatform.Infrastructure.Persistence;

namespace RiskPlatform.Api.FunctionalTests.Portfolio;

/// <summary>Reads of the monitor's tables the API does not expose (the outbox, equity history).</summary>
internal static class MonitorTestData
{
    public static async Task<List<MonitorAction>> ActionsAsync(ApiFixture fixture, Guid userId)
    {
        await using var scope = fixture.Factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<RiskPlatformDbContext>();
        return await db.Set<MonitorAction>().AsNoTracking().Where(a => a.UserId == userId).OrderBy(a => a.Sequence).ToListAsync();
    }

    public static async Task<List<BreachEpisode>> EpisodesAsync(ApiFixture fixture, Guid userId)
    {
        await using var scope = fixture.Factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<RiskPlatformDbContext>();
        return await db.Set<BreachEpisode>().AsNoTracking().Where(e => e.UserId == userId).OrderBy(e => e.StartedAt).ToListAsync();
    }

    public static async Task<int> EquityPointsAsync(ApiFixture fixture, Guid userId)
    {
        await using var scope = fixture.Factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<RiskPlatformDbContext>();
        return await db.Set<EquitySnapshot>().CountAsync(s => s.UserId == userId);
    }
}
