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
        _database = await PostgresTestDatabase.CreateAsync("api");
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
