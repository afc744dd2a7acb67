using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Configuration;
using Npgsql;
using RiskPlatform.Application;
using RiskPlatform.Application.Common.Interfaces;
using RiskPlatform.Infrastructure.IntegrationTests.Crypto;
using RiskPlatform.Infrastructure.Persistence;
using RiskPlatform.TestSupport;

namespace RiskPlatform.Infrastructure.IntegrationTests.Persistence;

/// <summary>A migrated database and a service provider wired like the service, without HTTP.</summary>
public abstract class DatabaseFixture : IAsyncLifetime
{
    private DatabaseReset? _reset;

    public abstract DatabaseProvider Provider { get; }

    public virtual string? UnavailableReason => null;

    public ServiceProvider Services { get; private set; } = null!;

    public string ConnectionString { get; private set; } = string.Empty;

    public async ValueTask InitializeAsync()
    {
        if (UnavailableReason is not null)
        {
            return;
        }

        ConnectionString = await ProvisionAsync();
        Services = CreateServices();
        await DatabaseMigrator.MigrateIfEnabledAsync(Services);
        _reset = new DatabaseReset(Provider, ConnectionString);
    }

    /// <summary>
    /// A composition of the service on this database, with singletons of its own (caches, pools). <see cref="Services"/> is one;
    /// another stands for another process of the service, as an operator's command-line import is. <paramref name="settings"/>
    /// add to or override the configuration. The caller disposes it.
    /// </summary>
    public ServiceProvider CreateServices(IReadOnlyDictionary<string, string?>? settings = null)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Database:Provider"] = Provider.ToString(),
            ["ConnectionStrings:RiskPlatform"] = ConnectionString,
            ["Jwt:SigningKey"] = Convert.ToBase64String(new byte[32]),
            // The whole composition resolves, as in the service: fill handlers reach the routing broker, which needs the vault.
            ["Encryption:ActiveKeyVersion"] = "1",
            ["Encryption:MasterKeys:1"] = KeyRings.RawKey1,
        }).AddInMemoryCollection(settings ?? new Dictionary<string, string?>()).Build();
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddSingleton<IConfiguration>(configuration);
        services.AddApplication();
        services.AddInfrastructure(configuration, new TestHostEnvironment());
        services.AddScoped<ICurrentUser, NoUser>();
        services.AddScoped<IRequestContext, NoRequestContext>();
        services.AddSingleton<IAccountActors, InProcessAccountActors>();
        return services.BuildServiceProvider();
    }

    public async Task ResetAsync()
    {
        if (UnavailableReason is { } reason)
        {
            Assert.Skip(reason);
        }

        await _reset!.ResetAsync();
    }

    public async ValueTask DisposeAsync()
    {
        if (Services is not null)
        {
            await Services.DisposeAsync();
        }

        await ReleaseAsync();
        GC.SuppressFinalize(this);
    }

    protected abstract Task<string> ProvisionAsync();

    protected abstract ValueTask ReleaseAsync();

    private sealed class NoUser : ICurrentUser
    {
        public Guid? UserId => null;

        public Guid RequireUserId() => throw new InvalidOperationException("No user in integration tests.");
    }

    private sealed class NoRequestContext : IRequestContext
    {
        public string? IpAddress => null;

        public string? UserAgent => null;

        public string? TraceId => null;

        public string? MfaProof => null;
    }
}

public sealed class SqliteDatabaseFixture : DatabaseFixture
{
    private readonly string _path = Path.Combine(Path.GetTempPath(), $"riskplatform-it-{Guid.NewGuid():N}.db");

    public override DatabaseProvider Provider => DatabaseProvider.Sqlite;

    protected override Task<string> ProvisionAsync() => Task.FromResult($"Data Source={_path}");

    protected override ValueTask ReleaseAsync()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        File.Delete(_path);
        return ValueTask.CompletedTask;
    }
}

public sealed class PostgresDatabaseFixture : DatabaseFixture
{
    private PostgresTestDatabase? _database;

    public override DatabaseProvider Provider => DatabaseProvider.PostgreSql;

    public override string? UnavailableReason => PostgresTestDatabase.UnavailableReason;

    protected override async Task<string> ProvisionAsync()
    {
        _database = await PostgresTestDatabase.CreateAsync("it");
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

/// <summary>
/// A PostgreSQL database that the service reaches through a <see cref="TcpProxy"/>, so a test can cut the connection and bring
/// it back. For the outage tests only (a class fixture of its own): the cut must not reach the shared fixtures.
/// </summary>
public sealed class ProxiedPostgresDatabaseFixture : DatabaseFixture
{
    private PostgresTestDatabase? _database;

    public override DatabaseProvider Provider => DatabaseProvider.PostgreSql;

    public override string? UnavailableReason => PostgresTestDatabase.UnavailableReason;

    public TcpProxy Proxy { get; private set; } = null!;

    protected override async Task<string> ProvisionAsync()
    {
        _database = await PostgresTestDatabase.CreateAsync("cut");
        var direct = new NpgsqlConnectionStringBuilder(_database.ConnectionString);
        Proxy = TcpProxy.Start(direct.Host!, direct.Port);
        return new NpgsqlConnectionStringBuilder(_database.ConnectionString) { Host = IPAddress.Loopback.ToString(), Port = Proxy.Port }.ConnectionString;
    }

    protected override async ValueTask ReleaseAsync()
    {
        if (Proxy is not null)
        {
            await Proxy.DisposeAsync();
        }

        if (_database is not null)
        {
            await _database.DisposeAsync();
        }
    }
}

[CollectionDefinition(nameof(SqliteDatabaseCollection))]
public sealed class SqliteDatabaseCollection : ICollectionFixture<SqliteDatabaseFixture>;

[CollectionDefinition(nameof(PostgresDatabaseCollection))]
public sealed class PostgresDatabaseCollection : ICollectionFixture<PostgresDatabaseFixture>;
