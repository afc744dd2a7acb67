using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using RiskPlatform.Application.Common.Interfaces;
using RiskPlatform.Application.Portfolio.Monitoring;
using RiskPlatform.Application.RiskRules.Common;
using RiskPlatform.Infrastructure.Persistence;
using RiskPlatform.TestSupport;

namespace RiskPlatform.Api.FunctionalTests.Infrastructure;

/// <summary>One running service per database for a whole test collection; tables are emptied before each test.</summary>
public abstract class ApiFixture : IAsyncLifetime
{
    private DatabaseReset? _reset;

    public abstract DatabaseProvider Provider { get; }

    public RiskPlatformApiFactory Factory { get; private set; } = null!;

    public CapturingLogSink Logs { get; } = new();

    /// <summary>The host's clock: the system clock unless a test freezes it (released before every test).</summary>
    public TestClock Clock { get; } = new();

    public string ConnectionString { get; private set; } = string.Empty;

    /// <summary>Why this database can't be used here, or null when it can.</summary>
    public virtual string? UnavailableReason => null;

    public async ValueTask InitializeAsync()
    {
        if (UnavailableReason is not null)
        {
            return;
        }

        ConnectionString = await ProvisionAsync();
        Factory = new RiskPlatformApiFactory(
            Provider, ConnectionString, Logs, services => services.Replace(ServiceDescriptor.Singleton<TimeProvider>(Clock)));
        _ = Factory.Server; // start the host (on a database created migrated, it finds no migration pending)
        _reset = new DatabaseReset(Provider, ConnectionString);
    }

    public async Task ResetAsync()
    {
        if (UnavailableReason is { } reason)
        {
            Assert.Skip(reason);
        }

        // The monitor works in the background: let it finish what the previous test queued before emptying the tables.
        await MonitorIdleAsync();
        Clock.Release();
        await _reset!.ResetAsync();

        // The history rules keep return series and sectors in memory: the emptied tables hold none of them any more.
        Factory.Services.GetRequiredService<IRuleMarketData>().Invalidate(null);
    }

    /// <summary>Waits until the portfolio monitor has evaluated every user queued so far (and executed their actions).</summary>
    public async Task MonitorIdleAsync()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        await Factory.Services.GetRequiredService<IMonitorQueue>().WhenIdleAsync(timeout.Token);
    }

    /// <summary>A client of the shared host; each non-GET request returns once the monitor has processed what it queued.</summary>
    public ApiClient CreateClient() => new(Factory.CreateDefaultClient(
        new Microsoft.AspNetCore.Mvc.Testing.Handlers.RedirectHandler(),
        new Microsoft.AspNetCore.Mvc.Testing.Handlers.CookieContainerHandler(),
        new MonitorIdleHandler(Factory.Services.GetRequiredService<IMonitorQueue>())));

    /// <summary>A host of its own on this database whose requests come from the address each names (<see cref="PeerAddressFilter"/>).</summary>
    public RiskPlatformApiFactory CreateHostWithPeerAddresses(IReadOnlyDictionary<string, string?>? settings = null) =>
        new(Provider, ConnectionString, Logs, services => services.AddTransient<Microsoft.AspNetCore.Hosting.IStartupFilter, PeerAddressFilter>(), settings);

    public Task<int> CountAsync(string sql) => DatabaseReset.CountAsync(Provider, ConnectionString, sql);

    /// <summary>
    /// Tells the shared host's actor of <paramref name="userId"/>'s account that its rows were changed behind the service's back
    /// (a test's seeding), as an operator must after changing them by hand: its next read loads them again.
    /// </summary>
    public async Task ForgetAccountAsync(Guid userId)
    {
        await using var scope = Factory.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<IAccountActors>().ForgetAsync(userId, CancellationToken.None);
    }

    public async ValueTask DisposeAsync()
    {
        if (Factory is not null)
        {
            await Factory.DisposeAsync();
        }

        await ReleaseAsync();
        GC.SuppressFinalize(this);
    }

    protected abstract Task<string> ProvisionAsync();

    protected abstract ValueTask ReleaseAsync();
}
