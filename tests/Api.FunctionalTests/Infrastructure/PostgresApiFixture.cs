using RiskPlatform.Infrastructure.Persistence;
using RiskPlatform.TestSupport;

namespace RiskPlatform.Api.FunctionalTests.Infrastructure;

public sealed class PostgresApiFixture : ApiFixture
{
    private PostgresTestDatabase? _database;

    public override DatabaseProvider Provider => DatabaseProvider.PostgreSql;

    public override string? UnavailableReason => PostgresTestDatabase.UnavailableReason;

    protected override async Task<string> ProvisionAsync()
    {
        _database = await PostgresTestDatabase.CreateMigratedAsync("api");
        return _database.ConnectionString;
    }

    protected override async ValueTask ReleaseAsync()
    {
        if (_database is not null)
        {
            await _database.DisposeAsync();
        }
    }
}

[CollectionDefinition(nameof(PostgresCollection))]
public sealed class PostgresCollection : ICollectionFixture<PostgresApiFixture>;

/// <summary>
/// The broker (Alpaca) tests: a database and host of their own, apart from <see cref="PostgresCollection"/>, so the two halves
/// run side by side. Each collection runs its tests one after another, and as one lane they were the suite's longest.
/// </summary>
[CollectionDefinition(nameof(PostgresBrokerCollection))]
public sealed class PostgresBrokerCollection : ICollectionFixture<PostgresApiFixture>;

/// <summary>
/// The order path's tests (actors, portfolio, trading, market data): a database and host of their own, apart from
/// <see cref="PostgresCollection"/>. As one lane with the rest they ran one after another for about nine minutes of CI.
/// </summary>
[CollectionDefinition(nameof(PostgresTradingCollection))]
public sealed class PostgresTradingCollection : ICollectionFixture<PostgresApiFixture>;
