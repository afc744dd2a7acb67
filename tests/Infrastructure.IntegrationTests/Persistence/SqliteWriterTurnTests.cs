using Microsoft.Extensions.DependencyInjection;
using RiskPlatform.Application.Auth.Specifications;
using RiskPlatform.Application.Common.Interfaces;
using RiskPlatform.Domain.Users;
using RiskPlatform.Infrastructure.Persistence;

namespace RiskPlatform.Infrastructure.IntegrationTests.Persistence;

/// <summary>
/// A save outside any command (the outbox's claims and outcomes) takes its turn at the process's SQLite writer, as a
/// command's transaction does, instead of racing the commands through SQLite's sleeping busy handler.
/// </summary>
[Collection(nameof(SqliteDatabaseCollection))]
public sealed class SqliteWriterTurnTests(SqliteDatabaseFixture fixture) : IAsyncLifetime
{
    private static readonly DateTime Now = new(2026, 12, 7, 9, 0, 0, DateTimeKind.Utc);

    public async ValueTask InitializeAsync() => await fixture.ResetAsync();

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;

    [Fact]
    public async Task SaveOutsideACommand_WhileACommandHoldsTheWriter_WaitsForItsTurn_ThenCommits()
    {
        var token = TestContext.Current.CancellationToken;
        var writer = fixture.Services.GetRequiredService<SqliteWriteGate>();

        Task save;
        using (await writer.EnterAsync(token))
        {
            save = SaveUserAsync("outbox@example.com", token);
            await Task.Delay(TimeSpan.FromMilliseconds(300), token);

            Assert.False(save.IsCompleted, "the save committed while another holder had the writer");
        }

        await save.WaitAsync(TimeSpan.FromSeconds(10), token);
        Assert.True(await UserExistsAsync("outbox@example.com", token));
    }

    [Fact]
    public async Task SavesOutsideCommands_BesideCommandTransactions_AllCommit()
    {
        var token = TestContext.Current.CancellationToken;

        // Commands holding the writer across several statements, and plain saves beside them: every one commits.
        var commands = Enumerable.Range(0, 8).Select(async i =>
        {
            await using var scope = fixture.Services.CreateAsyncScope();
            var unitOfWork = scope.ServiceProvider.GetRequiredService<IUnitOfWork>();
            await using var transaction = await unitOfWork.BeginTransactionAsync(token);
            scope.ServiceProvider.GetRequiredService<IRepository<User>>().Add(User.Register($"command{i}@example.com", "Command", "hash", Now));
            await unitOfWork.SaveChangesAsync(token);
            await Task.Delay(20, token);
            await transaction.CommitAsync(token);
        });
        var saves = Enumerable.Range(0, 16).Select(i => SaveUserAsync($"save{i}@example.com", token));

        await Task.WhenAll(commands.Concat(saves)).WaitAsync(TimeSpan.FromSeconds(30), token);

        foreach (var email in Enumerable.Range(0, 8).Select(i => $"command{i}@example.com").Concat(Enumerable.Range(0, 16).Select(i => $"save{i}@example.com")))
        {
            Assert.True(await UserExistsAsync(email, token), email);
        }
    }

    private async Task SaveUserAsync(string email, CancellationToken token)
    {
        await Task.Yield();
        await using var scope = fixture.Services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<IRepository<User>>().Add(User.Register(email, "Saver", "hash", Now));
        await scope.ServiceProvider.GetRequiredService<IUnitOfWork>().SaveChangesAsync(token);
    }

    private async Task<bool> UserExistsAsync(string email, CancellationToken token)
    {
        await using var scope = fixture.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<IReadRepository<User>>().AnyAsync(new UserByEmailSpec(email), token);
    }
}
