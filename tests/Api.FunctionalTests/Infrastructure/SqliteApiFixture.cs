using RiskPlatform.Infrastructure.Persistence;
using RiskPlatform.TestSupport;

namespace RiskPlatform.Api.FunctionalTests.Infrastructure;

public sealed class SqliteApiFixture : ApiFixture
{
    private string? _path;

    public override DatabaseProvider Provider => DatabaseProvider.Sqlite;

    protected override async Task<string> ProvisionAsync()
    {
        _path = await MigratedTemplates.NewSqlitePathAsync("tests");
        return $"Data Source={_path}";
    }

    protected override ValueTask ReleaseAsync()
    {
        if (_path is not null)
        {
            SqliteTestFiles.Delete(_path);
        }

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

/// <summary>
/// The order path's tests (actors, portfolio, trading, market data): a database and host of their own, apart from
/// <see cref="SqliteCollection"/>. As one lane with the rest they ran one after another for about nine minutes of CI.
/// </summary>
[CollectionDefinition(nameof(SqliteTradingCollection))]
public sealed class SqliteTradingCollection : ICollectionFixture<SqliteApiFixture>;
