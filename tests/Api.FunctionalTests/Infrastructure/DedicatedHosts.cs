using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using RiskPlatform.Infrastructure.Persistence;
using RiskPlatform.TestSupport;

namespace RiskPlatform.Api.FunctionalTests.Infrastructure;

/// <summary>
/// Hosts of one test's own, for settings the shared fixtures cannot have (an SMTP server, a fake Twilio, loopback
/// webhooks) or for several instances on one database: the database is created with the first host and every host
/// shares the test's clock and log sink. Disposes hosts, peers (<see cref="Track"/>) and the database, last first.
/// </summary>
public sealed class DedicatedHosts(DatabaseProvider provider, string databaseName) : IAsyncDisposable
{
    private readonly List<IAsyncDisposable> _disposables = [];
    private string? _connectionString;
    private string? _sqlitePath;

    public DatabaseProvider Provider => provider;

    public ShiftableTimeProvider Time { get; } = new();

    public CapturingLogSink Logs { get; } = new();

    /// <summary>Disposed with the hosts (before the database goes).</summary>
    public T Track<T>(T disposable)
        where T : IAsyncDisposable
    {
        _disposables.Add(disposable);
        return disposable;
    }

    /// <summary>A started host on this test's database with the given settings on top of the test settings.</summary>
    public async Task<RiskPlatformApiFactory> StartAsync(IReadOnlyDictionary<string, string?> settings, Action<IServiceCollection>? extraServices = null)
    {
        if (_connectionString is null)
        {
            if (provider == DatabaseProvider.PostgreSql)
            {
                if (PostgresTestDatabase.UnavailableReason is { } reason)
                {
                    Assert.Skip(reason);
                }

                var database = await PostgresTestDatabase.CreateMigratedAsync(databaseName);
                _disposables.Insert(0, database);
                _connectionString = database.ConnectionString;
            }
            else
            {
                _sqlitePath = await MigratedTemplates.NewSqlitePathAsync(databaseName);
                _connectionString = $"Data Source={_sqlitePath}";
            }
        }

        var factory = new RiskPlatformApiFactory(
            provider,
            _connectionString,
            Logs,
            services =>
            {
                services.Replace(ServiceDescriptor.Singleton<TimeProvider>(Time));
                extraServices?.Invoke(services);
            },
            settings);
        _disposables.Add(factory);
        _ = factory.Server;
        return factory;
    }

    /// <summary>Stops a host as a restart would (its outbox workers cancelled mid-send), before the test's own cleanup.</summary>
    public async Task StopAsync(RiskPlatformApiFactory host)
    {
        _disposables.Remove(host);
        try
        {
            await host.DisposeAsync();
        }
        catch (OperationCanceledException)
        {
            // A host stopped with a cut shutdown timeout also cuts its actor silo's graceful leave: a crash, as intended.
        }
    }

    public Task<int> CountAsync(string sql) => DatabaseReset.CountAsync(provider, _connectionString!, sql);

    public Task WaitForCountAsync(string sql, int expected, string because) =>
        Eventually.ReturnsAsync(() => CountAsync(sql), c => c == expected, TimeSpan.FromSeconds(20), because);

    public static async Task<ApiClient> SignedInAsync(RiskPlatformApiFactory host, string email)
    {
        var client = new ApiClient(host.CreateClient());
        await client.SignInAsNewUserAsync(email, "Correct-Horse-42");
        return client;
    }

    public async ValueTask DisposeAsync()
    {
        for (var i = _disposables.Count - 1; i >= 0; i--)
        {
            await _disposables[i].DisposeAsync();
        }

        if (_sqlitePath is not null)
        {
            SqliteTestFiles.Delete(_sqlitePath);
        }
    }
}
