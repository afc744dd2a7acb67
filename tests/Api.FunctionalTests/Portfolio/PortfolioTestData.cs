using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using RiskPlatform.Api.FunctionalTests.Infrastructure;
using RiskPlatform.Domain.Portfolio.State;
using RiskPlatform.Infrastructure.Persistence;

namespace RiskPlatform.Api.FunctionalTests.Portfolio;

internal static class PortfolioTestData
{
    public static async Task<PortfolioState?> StateAsync(ApiFixture fixture, Guid userId)
    {
        await using var scope = fixture.Factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<RiskPlatformDbContext>();
        return await db.Set<PortfolioState>().AsNoTracking().SingleOrDefaultAsync(s => s.UserId == userId);
    }

    public static async Task EnterReducingAsync(ApiFixture fixture, Guid userId, string reason)
    {
        await using var scope = fixture.Factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<RiskPlatformDbContext>();
        var state = await db.Set<PortfolioState>().SingleAsync(s => s.UserId == userId);
        Assert.True(state.EnterReducing(reason, DateTime.UtcNow));
        await db.SaveChangesAsync();
        await fixture.ForgetAccountAsync(userId);
    }
}
