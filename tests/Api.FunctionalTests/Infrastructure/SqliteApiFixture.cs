using RiskPlatform.Infrastructure.Persistence;
using RiskPlatform.TestSupport;

namespace RiskPlatform.Api.FunctionalTests.Infrastructure;

public sealed class SqliteApiFixture : ApiFixture
{
    private readonly string _path = SqliteTestFiles.NewPath("tests");

    public override DatabaseProvider Provider => DatabaseProvider.Sqlite;

    protected override Task<string> ProvisionAsync() => Task.FromResult($"Data Source={_path}");

    protected override ValueTask ReleaseAsync()
    {
        SqliteTestFiles.Delete(_path);
        return ValueTask.CompletedTask;
    }
}

[CollectionDefinition(nameof(SqliteCollection))]
public sealed class SqliteCollection : ICollectionFixture<SqliteApiFixture>;

/// <summary>
/// The broker (Alpaca) tests: a database and host of their own, apart from <see cref="SqliteCollection"/>, so the two halves run
/// side by side. Each collection runs its tests one after another, and as one lane they were the suite's longest.
/// </summary>
[CollectionDefinition(nameof(SqliteBrokerCollection))]
public sealed class SqliteBrokerCollection : ICollectionFixture<SqliteApiFixture>;
