using MediatR;
using Microsoft.Extensions.DependencyInjection;
using RiskPlatform.Api.FunctionalTests.Infrastructure;
using RiskPlatform.Api.FunctionalTests.Notifications;
using RiskPlatform.Application.Portfolio.Commands.CompactEquityHistory;
using RiskPlatform.Domain.Portfolio.Equity;
using RiskPlatform.Infrastructure.Persistence;

namespace RiskPlatform.Api.FunctionalTests.Portfolio;

/// <summary>Compaction on the real databases: keys read untracked, the superseded rows deleted by id in batches, other users untouched.</summary>
public abstract class EquityCompactionTests(ApiFixture fixture) : FunctionalTest(fixture)
{
    [Fact]
    public async Task Compact_KeepsWhatThePolicyKeeps_DeletesTheRestInBatches_AndLeavesOtherUsersAlone()
    {
        var owner = await SignedInAsync();
        var other = await SignedInAsync();
        var now = Fixture.Factory.Services.GetRequiredService<TimeProvider>().GetUtcNow().UtcDateTime;
        var tooOld = Enumerable.Range(0, 1_200).Select(i => (now.AddDays(-400).AddMinutes(-i), 1m));
        var oldMinute = new DateTime(now.Ticks - (now.Ticks % TimeSpan.TicksPerMinute), DateTimeKind.Utc).AddHours(-2);
        await RecordAsync(owner.UserId, [
            .. tooOld,
            (oldMinute.AddSeconds(10), 2m),           // superseded within its minute
            (oldMinute.AddSeconds(50), 3m),           // the minute's last: kept
            (now.AddMinutes(-30), 4m),                // within the last hour: every point kept
            (now.AddMinutes(-29), 5m)]);
        await RecordAsync(other.UserId, [(now.AddDays(-400), 6m)]);

        int removed;
        await using (var scope = Fixture.Factory.Services.CreateAsyncScope())
        {
            removed = await scope.ServiceProvider.GetRequiredService<IMediator>().Send(new CompactEquityHistoryCommand(owner.UserId), TestContext.Current.CancellationToken);
        }

        Assert.Equal(1_201, removed);
        Assert.Equal(3, await Fixture.CountAsync($"SELECT COUNT(*) FROM equity_snapshots WHERE user_id = {Fixture.Literal(owner.UserId)}"));
        Assert.Equal(1, await Fixture.CountAsync($"SELECT COUNT(*) FROM equity_snapshots WHERE user_id = {Fixture.Literal(other.UserId)}"));
        Assert.Equal(1, await Fixture.CountAsync(
            "SELECT COUNT(*) FROM audit_logs WHERE action = 'CompactEquityHistory' AND description LIKE '%3 of 1204 points kept%'"));
    }

    private async Task RecordAsync(Guid userId, IEnumerable<(DateTime At, decimal Equity)> points)
    {
        await using var scope = Fixture.Factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<RiskPlatformDbContext>();
        foreach (var (at, equity) in points)
        {
            db.Add(EquitySnapshot.Record(userId, equity, at));
        }

        await db.SaveChangesAsync();
    }
}

[Collection(nameof(SqliteTradingCollection))]
public sealed class EquityCompactionTestsOnSqlite(SqliteApiFixture fixture) : EquityCompactionTests(fixture);

[Collection(nameof(PostgresTradingCollection))]
public sealed class EquityCompactionTestsOnPostgres(PostgresApiFixture fixture) : EquityCompactionTests(fixture);
