using Ardalis.Specification;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using RiskPlatform.Application.Auth.Specifications;
using RiskPlatform.Application.Common.Exceptions;
using RiskPlatform.Application.Common.Interfaces;
using RiskPlatform.Domain.Common;
using RiskPlatform.Domain.Users;
using RiskPlatform.Infrastructure.Persistence;

namespace RiskPlatform.Infrastructure.IntegrationTests.Persistence;

/// <summary>
/// SQLite's one writer of the process. Group commit (docs/decisions/036): commands that queue for the writer share one
/// transaction, each in a savepoint of its own; each is answered only once the shared transaction has committed. A save
/// outside any command (the outbox's claims and outcomes) takes its turn at the writer too (docs/decisions/035), instead of
/// racing the commands through SQLite's sleeping busy handler.
/// </summary>
/// <remarks>
/// The tests hold a group open while others queue, so their service keeps a group open for up to a minute (the service's
/// default is 20 ms); it is the only writer of the collection's database while they run.
/// </remarks>
[Collection(nameof(SqliteDatabaseCollection))]
public sealed class SqliteWriterTests(SqliteDatabaseFixture fixture) : IAsyncLifetime
{
    private static readonly DateTime Now = new(2026, 12, 7, 9, 0, 0, DateTimeKind.Utc);

    private ServiceProvider _services = null!;

    private SqliteWriteGate Writer => _services.GetRequiredService<SqliteWriteGate>();

    public async ValueTask InitializeAsync()
    {
        await fixture.ResetAsync();
        _services = fixture.CreateServices(new Dictionary<string, string?> { ["Database:SqliteGroupCommitMaxAge"] = "00:01:00" });
    }

    public async ValueTask DisposeAsync() => await _services.DisposeAsync();

    [Fact]
    public async Task CommandsQueuedForTheWriter_ShareOneCommit_AndEachIsCommittedWhenItsCommitReturns()
    {
        var token = TestContext.Current.CancellationToken;
        var groupsBefore = Writer.GroupsCommitted;
        var commandsBefore = Writer.CommandsCommitted;

        await using var first = await BeginCommandAsync("grouped0@example.com", token);

        // 31 more queue behind the first (each checks, once answered, that its row is committed).
        var others = Enumerable.Range(1, 31).Select(i => RunCommandAsync($"grouped{i}@example.com", token)).ToList();
        await WaitUntilAsync(() => Writer.Queued == 32);
        await first.Transaction.CommitAsync(token);
        await Task.WhenAll(others);

        Assert.Equal(1L, await CountUsersOnAConnectionOfItsOwnAsync("grouped0@example.com"));
        Assert.Equal(32, Writer.CommandsCommitted - commandsBefore);
        Assert.Equal(1, Writer.GroupsCommitted - groupsBefore);
    }

    [Fact]
    public async Task ACommandRolledBack_InAGroup_LeavesTheNextCommandOfTheGroupCommitted()
    {
        var token = TestContext.Current.CancellationToken;
        var groupsBefore = Writer.GroupsCommitted;

        await using var first = await BeginCommandAsync("dropped@example.com", token);

        // The second command queues behind the first, so the group stays open when the first leaves.
        var second = RunCommandAsync("kept@example.com", token);
        await WaitUntilAsync(() => Writer.Queued == 2);
        await first.Transaction.RollbackAsync(token);
        await second;

        Assert.Equal(1, Writer.GroupsCommitted - groupsBefore);
        Assert.False(await UserExistsAsync("dropped@example.com"));
        Assert.True(await UserExistsAsync("kept@example.com"));
    }

    [Fact]
    public async Task AUniqueViolation_InOneCommandOfAGroup_FailsThatCommandAlone()
    {
        var token = TestContext.Current.CancellationToken;
        var groupsBefore = Writer.GroupsCommitted;

        await using var first = await BeginCommandAsync("twin@example.com", token);

        var duplicate = RunCommandAsync("TWIN@example.com", token);
        var third = RunCommandAsync("third@example.com", token);
        await WaitUntilAsync(() => Writer.Queued == 3);
        await first.Transaction.CommitAsync(token);

        var conflict = await Assert.ThrowsAsync<ConflictException>(() => duplicate);
        Assert.Equal("duplicate", conflict.Code);
        await third;
        Assert.Equal(1, Writer.GroupsCommitted - groupsBefore);
        Assert.True(await UserExistsAsync("twin@example.com"));
        Assert.True(await UserExistsAsync("third@example.com"));
    }

    [Fact]
    public async Task AGroupWhoseCommitFails_AnswersEveryCommandOfIt503_AndKeepsNoneOfTheirRows()
    {
        var token = TestContext.Current.CancellationToken;
        await using (var setup = new SqliteConnection(fixture.ConnectionString))
        {
            await setup.OpenAsync(token);
            await using var create = setup.CreateCommand();
            create.CommandText = """
                CREATE TABLE IF NOT EXISTS gc_parent (id INTEGER PRIMARY KEY);
                CREATE TABLE IF NOT EXISTS gc_child (id INTEGER PRIMARY KEY, parent INTEGER REFERENCES gc_parent (id) DEFERRABLE INITIALLY DEFERRED);
                """;
            await create.ExecuteNonQueryAsync(token);
        }

        // The first command leaves a foreign key that SQLite checks only at the commit of the whole transaction.
        await using var first = await BeginCommandAsync("doomed@example.com", token);
        await first.Scope.ServiceProvider.GetRequiredService<RiskPlatformDbContext>().Database
            .ExecuteSqlRawAsync("INSERT INTO gc_child (id, parent) VALUES (1, 999)", token);
        var second = RunCommandAsync("bystander@example.com", token);
        await WaitUntilAsync(() => Writer.Queued == 2);

        var firstCommit = first.Transaction.CommitAsync(token);

        Assert.Equal("database_unavailable", (await Assert.ThrowsAsync<ServiceUnavailableException>(() => firstCommit)).Code);
        Assert.Equal("database_unavailable", (await Assert.ThrowsAsync<ServiceUnavailableException>(() => second)).Code);
        Assert.False(await UserExistsAsync("doomed@example.com"));
        Assert.False(await UserExistsAsync("bystander@example.com"));

        // The writer goes on: the next command commits.
        await RunCommandAsync("after@example.com", token);
        Assert.True(await UserExistsAsync("after@example.com"));
    }

    [Fact]
    public async Task CommandsAndTheirReadsAfterwards_OnManyScopesAtOnce_NeverShareTheWritersConnection()
    {
        var token = TestContext.Current.CancellationToken;

        // Each scope commits, then reads on in the same context: after its commit the context must be on a connection of its
        // own again, or the reads would run on the writer's connection beside the next command.
        await Parallel.ForEachAsync(Enumerable.Range(0, 8), new ParallelOptions { MaxDegreeOfParallelism = 8, CancellationToken = token }, async (worker, ct) =>
        {
            await using var scope = _services.CreateAsyncScope();
            var unitOfWork = scope.ServiceProvider.GetRequiredService<IUnitOfWork>();
            var users = scope.ServiceProvider.GetRequiredService<IRepository<User>>();
            for (var i = 0; i < 25; i++)
            {
                var email = $"loop{worker}-{i}@example.com";
                await using (var transaction = await unitOfWork.BeginTransactionAsync(ct))
                {
                    users.Add(User.Register(email, "Loop", "hash", Now));
                    await unitOfWork.SaveChangesAsync(ct);
                    await transaction.CommitAsync(ct);
                }

                Assert.True(await users.AnyAsync(new UserByEmailSpec(email), ct));
                Assert.Equal(i + 1, await users.CountAsync(new UsersNamedLike($"loop{worker}-"), ct));
            }
        });
    }

    [Fact]
    public async Task SaveOutsideACommand_WhileACommandHoldsTheWriter_WaitsForItsTurn_ThenCommits()
    {
        var token = TestContext.Current.CancellationToken;

        Task save;
        using (await Writer.EnterAsync(token))
        {
            save = SaveOutsideACommandAsync("outbox@example.com", token);
            await Task.Delay(TimeSpan.FromMilliseconds(300), token);

            Assert.False(save.IsCompleted, "the save committed while another holder had the writer");
        }

        await save.WaitAsync(TimeSpan.FromSeconds(10), token);
        Assert.True(await UserExistsAsync("outbox@example.com"));
    }

    [Fact]
    public async Task SavesOutsideCommands_BesideCommands_AllCommit()
    {
        var token = TestContext.Current.CancellationToken;

        var commands = Enumerable.Range(0, 8).Select(i => RunCommandAsync($"command{i}@example.com", token));
        var saves = Enumerable.Range(0, 16).Select(i => SaveOutsideACommandAsync($"save{i}@example.com", token));
        await Task.WhenAll(commands.Concat(saves)).WaitAsync(TimeSpan.FromSeconds(30), token);

        foreach (var email in Enumerable.Range(0, 8).Select(i => $"command{i}@example.com").Concat(Enumerable.Range(0, 16).Select(i => $"save{i}@example.com")))
        {
            Assert.True(await UserExistsAsync(email), email);
        }
    }

    /// <summary>A command that has begun and saved a user, holding the writer until the test ends it.</summary>
    private async Task<HeldCommand> BeginCommandAsync(string email, CancellationToken token)
    {
        var scope = _services.CreateAsyncScope();
        var unitOfWork = scope.ServiceProvider.GetRequiredService<IUnitOfWork>();
        var transaction = await unitOfWork.BeginTransactionAsync(token);
        scope.ServiceProvider.GetRequiredService<IRepository<User>>().Add(User.Register(email, "Held", "hash", Now));
        await unitOfWork.SaveChangesAsync(token);
        return new HeldCommand(scope, transaction);
    }

    private async Task SaveOutsideACommandAsync(string email, CancellationToken token)
    {
        await Task.Yield();
        await using var scope = _services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<IRepository<User>>().Add(User.Register(email, "Saver", "hash", Now));
        await scope.ServiceProvider.GetRequiredService<IUnitOfWork>().SaveChangesAsync(token);
    }

    private async Task RunCommandAsync(string email, CancellationToken token)
    {
        await Task.Yield();
        await using var scope = _services.CreateAsyncScope();
        var unitOfWork = scope.ServiceProvider.GetRequiredService<IUnitOfWork>();
        await using var transaction = await unitOfWork.BeginTransactionAsync(token);
        scope.ServiceProvider.GetRequiredService<IRepository<User>>().Add(User.Register(email, "Grouped", "hash", Now));
        await unitOfWork.SaveChangesAsync(token);
        await transaction.CommitAsync(token);

        // Answered: the row is committed, as a connection of its own (another reader) sees.
        Assert.Equal(1L, await CountUsersOnAConnectionOfItsOwnAsync(email));
    }

    private async Task<bool> UserExistsAsync(string email)
    {
        await using var scope = _services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<IReadRepository<User>>()
            .AnyAsync(new UserByEmailSpec(email), TestContext.Current.CancellationToken);
    }

    private async Task<long> CountUsersOnAConnectionOfItsOwnAsync(string email)
    {
        await using var connection = new SqliteConnection(fixture.ConnectionString);
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT COUNT(*) FROM users WHERE normalized_email = $email";
        command.Parameters.AddWithValue("$email", email.ToUpperInvariant());
        return (long)(await command.ExecuteScalarAsync())!;
    }

    private static async Task WaitUntilAsync(Func<bool> condition)
    {
        for (var i = 0; i < 500 && !condition(); i++)
        {
            await Task.Delay(10, TestContext.Current.CancellationToken);
        }

        Assert.True(condition(), "the condition was not reached within 5 s");
    }

    private sealed class UsersNamedLike : Specification<User>
    {
        public UsersNamedLike(string prefix) => Query.Where(u => EF.Functions.Like(u.Email, prefix + "%"));
    }

    private sealed record HeldCommand(AsyncServiceScope Scope, IUnitOfWorkTransaction Transaction) : IAsyncDisposable
    {
        public async ValueTask DisposeAsync()
        {
            await Transaction.DisposeAsync();
            await Scope.DisposeAsync();
        }
    }
}
