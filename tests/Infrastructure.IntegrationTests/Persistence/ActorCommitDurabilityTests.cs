using Microsoft.Extensions.DependencyInjection;
using RiskPlatform.Application.Common.Actors;
using RiskPlatform.Application.Common.Interfaces;
using RiskPlatform.Domain.Users;
using RiskPlatform.Infrastructure.Persistence;

namespace RiskPlatform.Infrastructure.IntegrationTests.Persistence;

/// <summary>
/// On SQLite a command's commit is answered once the group sync has made it durable (docs/decisions/036). A command on its
/// account's actor leaves that wait to the actor's caller (docs/decisions/039), so the actor takes its next command while the
/// log is synced; a commit part-way, before a broker call, still waits where it is.
/// </summary>
[Collection(nameof(SqliteDatabaseCollection))]
public sealed class ActorCommitDurabilityTests(SqliteDatabaseFixture fixture) : IAsyncLifetime
{
    private static readonly DateTime Now = new(2026, 12, 8, 9, 0, 0, DateTimeKind.Utc);

    private ServiceProvider _services = null!;

    private SqliteGroupSync GroupSync => _services.GetRequiredService<SqliteGroupSync>();

    public async ValueTask InitializeAsync()
    {
        await fixture.ResetAsync();
        _services = fixture.CreateServices();
    }

    public async ValueTask DisposeAsync() => await _services.DisposeAsync();

    [Fact]
    public async Task ACommandOnItsAccountsActor_LeavesTheSyncOfItsCommitToTheActorsCaller()
    {
        var token = TestContext.Current.CancellationToken;
        await using var scope = _services.CreateAsyncScope();
        var actorCall = OnTheActor(scope);
        var syncsBefore = GroupSync.Syncs;

        await CommitAUserAsync(scope, "actor@example.com", partWay: false, token);

        Assert.True(actorCall.DurabilityLeftToCaller);
        Assert.Equal(syncsBefore, GroupSync.Syncs);
        await GroupSync.WaitDurableAsync();
        Assert.Equal(syncsBefore + 1, GroupSync.Syncs);
    }

    [Fact]
    public async Task ACommandOnItsAccountsActor_CommittingPartWay_WaitsForTheSyncBeforeItGoesOn()
    {
        var token = TestContext.Current.CancellationToken;
        await using var scope = _services.CreateAsyncScope();
        var actorCall = OnTheActor(scope);
        var syncsBefore = GroupSync.Syncs;

        await CommitAUserAsync(scope, "intent@example.com", partWay: true, token);

        Assert.False(actorCall.DurabilityLeftToCaller);
        Assert.Equal(syncsBefore + 1, GroupSync.Syncs);
    }

    [Fact]
    public async Task ACommandOutsideAnActor_IsDurableWhenItsCommitReturns()
    {
        var token = TestContext.Current.CancellationToken;
        await using var scope = _services.CreateAsyncScope();
        var syncsBefore = GroupSync.Syncs;

        await CommitAUserAsync(scope, "outside@example.com", partWay: false, token);

        Assert.False(scope.ServiceProvider.GetRequiredService<AccountActorCall>().DurabilityLeftToCaller);
        Assert.Equal(syncsBefore + 1, GroupSync.Syncs);
    }

    private static AccountActorCall OnTheActor(AsyncServiceScope scope)
    {
        var actorCall = scope.ServiceProvider.GetRequiredService<AccountActorCall>();
        var accountUserId = Guid.CreateVersion7();
        actorCall.EnterCommand(new AccountCallOrigin(accountUserId, null, null, null), new AccountMemory(accountUserId), typeof(ActorCommitDurabilityTests));
        return actorCall;
    }

    private static async Task CommitAUserAsync(AsyncServiceScope scope, string email, bool partWay, CancellationToken token)
    {
        var unitOfWork = scope.ServiceProvider.GetRequiredService<IUnitOfWork>();
        await using var transaction = await unitOfWork.BeginTransactionAsync(token);
        scope.ServiceProvider.GetRequiredService<IRepository<User>>().Add(User.Register(email, "Durable", "hash", Now));
        if (partWay)
        {
            await unitOfWork.CommitSoFarAsync(token);
            return;
        }

        await unitOfWork.SaveChangesAsync(token);
        await transaction.CommitAsync(token);
    }
}
