using RiskPlatform.Infrastructure.Persistence;

namespace RiskPlatform.Api.FunctionalTests.Infrastructure;

public sealed class SqliteApiFixture : ApiFixture
{
    private readonly string _path = Path.Combine(Path.GetTempPath(), $"riskplatform-tests-{Guid.NewGuid():N}.db");

    public override DatabaseProvider Provider => DatabaseProvider.Sqlite;

    protected override Task<string> ProvisionAsync() => Task.FromResult($"Data Source={_path}");

    protected override ValueTask ReleaseAsync()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        foreach (var file in new[] { _path, _path + "-wal", _path + "-shm" })
        {
            File.Delete(file);
        }

        return ValueTask.CompletedTask;
    }
}

[CollectionDefinition(nameof(SqliteCollection))]
public sealed class SqliteCollection : ICollectionFixture<SqliteApiFixture>;
