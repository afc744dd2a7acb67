using Ardalis.Specification;
using Microsoft.Extensions.DependencyInjection;
using RiskPlatform.Application.Common.Interfaces;
using RiskPlatform.Domain.RiskRules;
using RiskPlatform.Domain.Users;

namespace RiskPlatform.Infrastructure.IntegrationTests.Persistence;

public abstract class RiskRuleBreachCounterTests(DatabaseFixture fixture) : IAsyncLifetime
{
    private static readonly DateTime Now = new(2026, 11, 24, 15, 0, 0, DateTimeKind.Utc);

    public async ValueTask InitializeAsync() => await fixture.ResetAsync();

    public ValueTask DisposeAsync()
    {
        GC.SuppressFinalize(this);
        return ValueTask.CompletedTask;
    }

    [Fact]
    public async Task ConcurrentBreachesSavedInSeparateCommands_AreAllCounted()
    {
        var rule = await SeedRuleAsync();
        const int writers = 8;
        const int breachesPerWriter = 5;

        await Task.WhenAll(Enumerable.Range(0, writers).Select(w => Task.Run(async () =>
        {
            for (var i = 0; i < breachesPerWriter; i++)
            {
                await WithRetryOnBusyAsync(async () =>
                {
                    await using var scope = fixture.Services.CreateAsyncScope();
                    var unitOfWork = scope.ServiceProvider.GetRequiredService<IUnitOfWork>();
                    await using var transaction = await unitOfWork.BeginTransactionAsync(CancellationToken.None);
                    scope.ServiceProvider.GetRequiredService<IRepository<RiskBreach>>()
                        .Add(rule.RecordBreach(2.5m, 2m, "AAPL", null, "MAX_LEVERAGE_EXCEEDED", BreachSource.PreTrade, Now.AddSeconds((w * breachesPerWriter) + i)));
                    await unitOfWork.SaveChangesAsync(CancellationToken.None);
                    await transaction.CommitAsync(CancellationToken.None);
                });
            }
        }, TestContext.Current.CancellationToken)));

        await using var check = fixture.Services.CreateAsyncScope();
        var stored = await check.ServiceProvider.GetRequiredService<IReadRepository<RiskRule>>().FirstOrDefaultAsync(new RuleById(rule.Id), CancellationToken.None);
        Assert.Equal(writers * breachesPerWriter, stored!.BreachCount);
        Assert.Equal(Now.AddSeconds((writers * breachesPerWriter) - 1), stored.LastBreachAt);
        Assert.Equal(writers * breachesPerWriter, await check.ServiceProvider.GetRequiredService<IReadRepository<RiskBreach>>().CountAsync(new BreachesOf(rule.Id), CancellationToken.None));
    }

    private async Task<RiskRule> SeedRuleAsync()
    {
        await using var scope = fixture.Services.CreateAsyncScope();
        var user = User.Register($"counter-{Guid.NewGuid():N}@example.com", "Counter", "hash", Now);
        var rule = RiskRule.Create(user.Id, "Lev", null, RiskRuleType.MaxLeverage, 2, ThresholdUnit.Ratio, RiskAction.Block);
        scope.ServiceProvider.GetRequiredService<IRepository<User>>().Add(user);
        scope.ServiceProvider.GetRequiredService<IRepository<RiskRule>>().Add(rule);
        await scope.ServiceProvider.GetRequiredService<IUnitOfWork>().SaveChangesAsync(CancellationToken.None);
        return rule;
    }

    /// <summary>SQLite allows one writer at a time and may answer "database is locked" under contention; the count must still be exact.</summary>
    private static async Task WithRetryOnBusyAsync(Func<Task> write)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await write();
                return;
            }
            catch (Microsoft.Data.Sqlite.SqliteException e) when (e.SqliteErrorCode is 5 or 6 && attempt < 50)
            {
                await Task.Delay(20);
            }
        }
    }

    private sealed class RuleById : Specification<RiskRule>
    {
        public RuleById(Guid id) => Query.Where(r => r.Id == id);
    }

    private sealed class BreachesOf : Specification<RiskBreach>
    {
        public BreachesOf(Guid ruleId) => Query.Where(b => b.RuleId == ruleId);
    }
}

[Collection(nameof(SqliteDatabaseCollection))]
public sealed class RiskRuleBreachCounterTestsOnSqlite(SqliteDatabaseFixture fixture) : RiskRuleBreachCounterTests(fixture);

[Collection(nameof(PostgresDatabaseCollection))]
public sealed class RiskRuleBreachCounterTestsOnPostgres(PostgresDatabaseFixture fixture) : RiskRuleBreachCounterTests(fixture);
