using RiskPlatform.Infrastructure.Persistence;

namespace RiskPlatform.Api.FunctionalTests.Infrastructure;

/// <summary>
/// Base of a test class whose tests start hosts of their own (<see cref="DedicatedHosts"/>): written once and run on SQLite
/// and on PostgreSQL by two subclasses that name the <see cref="Provider"/>.
/// </summary>
public abstract class DedicatedHostTest(string databaseName) : IAsyncDisposable
{
    private DedicatedHosts? _hosts;

    protected abstract DatabaseProvider Provider { get; }

    protected DedicatedHosts Hosts => _hosts ??= new DedicatedHosts(Provider, databaseName);

    public async ValueTask DisposeAsync()
    {
        if (_hosts is not null)
        {
            await _hosts.DisposeAsync();
        }

        GC.SuppressFinalize(this);
    }
}
