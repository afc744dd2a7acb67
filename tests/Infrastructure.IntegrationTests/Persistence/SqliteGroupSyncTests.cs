using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging.Abstractions;
using RiskPlatform.Application.Common.Exceptions;
using RiskPlatform.Infrastructure.Persistence;

namespace RiskPlatform.Infrastructure.IntegrationTests.Persistence;

public sealed class SqliteGroupSyncTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("rp-group-sync-").FullName;

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(_directory, recursive: true);
    }

    [Fact]
    public async Task Commits_ThatWaitAtTheSameTime_ShareSyncsOfTheLog_AndAllOfThemEndDurable()
    {
        var database = Path.Combine(_directory, "shared.db");
        var connectionString = $"Data Source={database};Pooling=False";
        await ExecuteAsync(connectionString, "PRAGMA journal_mode = WAL; CREATE TABLE fills (id INTEGER PRIMARY KEY, qty INTEGER NOT NULL);");

        // An open connection keeps the log, as the service's pooled connections do (the last one to close removes it).
        await using var keeper = new SqliteConnection(connectionString);
        await keeper.OpenAsync(TestContext.Current.CancellationToken);
        await using (var read = keeper.CreateCommand())
        {
            read.CommandText = "SELECT count(*) FROM fills";
            await read.ExecuteScalarAsync(TestContext.Current.CancellationToken);
        }
        using var sync = new SqliteGroupSync(SqliteGroupSync.WalPathOf(connectionString), NullLogger<SqliteGroupSync>.Instance);
        using var writer = new SemaphoreSlim(1, 1);

        // 64 commands, each committing on its own connection at NORMAL (one writer at a time, as the writer gate does).
        await Parallel.ForEachAsync(Enumerable.Range(1, 64), new ParallelOptions { MaxDegreeOfParallelism = 16 }, async (id, token) =>
        {
            await writer.WaitAsync(token);
            try
            {
                await ExecuteAsync(connectionString, $"PRAGMA synchronous = NORMAL; INSERT INTO fills (id, qty) VALUES ({id}, 5);");
            }
            finally
            {
                writer.Release();
            }
        });

        // Then all of them wait for durability at the same time, without the writer. (Waiting right after each commit left
        // the sharing to chance: on a loaded machine the commits could each find the last sync finished.)
        await Task.WhenAll(Enumerable.Range(1, 64).Select(_ => sync.WaitDurableAsync()));

        Assert.InRange(sync.Syncs, 1, 63);
        Assert.True(File.Exists(database + "-wal"));
        Assert.Equal(64L, await ScalarAsync(connectionString, "SELECT count(*) FROM fills"));
    }

    [Fact]
    public async Task WaitDurable_AfterTheLogWasCheckpointedAndRemoved_CompletesWithNothingToSync()
    {
        using var sync = new SqliteGroupSync(Path.Combine(_directory, "gone.db-wal"), NullLogger<SqliteGroupSync>.Instance);

        await sync.WaitDurableAsync().WaitAsync(TimeSpan.FromSeconds(10), TestContext.Current.CancellationToken);

        Assert.Equal(0, sync.Syncs);
    }

    [Fact]
    public async Task WaitDurable_WhenTheLogCannotBeSynced_TellsTheCommitItIsNotKnownToBeDurable()
    {
        using var sync = new SqliteGroupSync(_directory, NullLogger<SqliteGroupSync>.Instance);

        var failure = await Assert.ThrowsAsync<ServiceUnavailableException>(() => sync.WaitDurableAsync());

        Assert.Equal("database_unavailable", failure.Code);
    }

    [Fact]
    public async Task WaitDurable_AfterDispose_StillSyncsTheLog_ForACommandThatFinishesDuringShutdown()
    {
        var database = Path.Combine(_directory, "closing.db");
        var connectionString = $"Data Source={database};Pooling=False";
        await using var keeper = new SqliteConnection(connectionString);
        await keeper.OpenAsync(TestContext.Current.CancellationToken);
        await using (var setup = keeper.CreateCommand())
        {
            setup.CommandText = "PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL; CREATE TABLE fills (id INTEGER PRIMARY KEY);";
            await setup.ExecuteNonQueryAsync(TestContext.Current.CancellationToken);
        }

        var sync = new SqliteGroupSync(SqliteGroupSync.WalPathOf(connectionString), NullLogger<SqliteGroupSync>.Instance);
        await sync.WaitDurableAsync();
        sync.Dispose();

        await sync.WaitDurableAsync().WaitAsync(TimeSpan.FromSeconds(10), TestContext.Current.CancellationToken);

        Assert.Equal(2, sync.Syncs);
    }

    [Theory]
    [InlineData("Data Source=:memory:")]
    [InlineData("Data Source=shared;Mode=Memory;Cache=Shared")]
    public void WalPathOf_AnInMemoryDatabase_IsNone_SoCommitsDoNotWait(string connectionString) =>
        Assert.Null(SqliteGroupSync.WalPathOf(connectionString));

    [Fact]
    public void WalPathOf_AFileDatabase_IsItsWriteAheadLog() =>
        Assert.Equal(Path.GetFullPath("data/riskplatform.db") + "-wal", SqliteGroupSync.WalPathOf("Data Source=data/riskplatform.db"));

    private static async Task ExecuteAsync(string connectionString, string sql)
    {
        await using var connection = new SqliteConnection(connectionString);
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync();
    }

    private static async Task<long> ScalarAsync(string connectionString, string sql)
    {
        await using var connection = new SqliteConnection(connectionString);
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        return (long)(await command.ExecuteScalarAsync())!;
    }
}
