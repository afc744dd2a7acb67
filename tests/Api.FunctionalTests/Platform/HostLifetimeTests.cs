using RiskPlatform.Api.FunctionalTests.Infrastructure;

namespace RiskPlatform.Api.FunctionalTests.Platform;

/// <summary>
/// The suite starts hundreds of hosts in one process. A host that stays reachable once disposed (a timer or thread of its own
/// that outlives it) keeps its container, silo and caches: the test process grew past 7 GB with about 120 such hosts, and the
/// garbage collector walked all of them to the end of the run.
/// </summary>
/// <remarks>
/// It runs alone, after the parallel collections (<see cref="HostLifetimeCollection"/>). Beside other collections' hosts, a
/// disposed host was twice still reachable after the wait (once after 5 s on CI, once after 30 s here), and never when run alone;
/// what held it was not found (docs/PERFORMANCE.md, "The suite is bound by CPU"). A host kept for good still fails it alone,
/// as the rate limiter's timer did (3 of 3).
/// </remarks>
[Collection(nameof(HostLifetimeCollection))]
public sealed class HostLifetimeTests(SqliteApiFixture fixture) : FunctionalTest(fixture)
{
    [Fact]
    public async Task AHost_OnceDisposed_IsCollected()
    {
        // The process's first uses of a few libraries (SQLite's connection pool, event counters) start timers and threads that
        // live as long as the process and carry the context of the host that caused them: a first host takes those.
        await StartSignInAndDisposeAsync();

        var hosts = new List<WeakReference>();
        for (var i = 0; i < 3; i++)
        {
            hosts.Add(await StartSignInAndDisposeAsync());
        }

        // A host may stay reachable for a while after it is disposed, and that is no leak: on a busy machine the thread pool
        // keeps the extra threads it added for 20 s of idleness, and a thread may still hold what it last ran for the host.
        // A host still reachable after 30 s is kept for good. (CI failed once with 1 of 3 hosts alive after 5 s.)
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(30);
        while (hosts.Any(h => h.IsAlive) && DateTime.UtcNow < deadline)
        {
            GC.Collect();
            GC.WaitForPendingFinalizers();
            await Task.Delay(TimeSpan.FromMilliseconds(250), TestContext.Current.CancellationToken);
        }

        Assert.Equal(0, hosts.Count(h => h.IsAlive));
    }

    private async Task<WeakReference> StartSignInAndDisposeAsync()
    {
        var factory = new RiskPlatformApiFactory(Fixture.Provider, Fixture.ConnectionString, Fixture.Logs);
        using (var client = new ApiClient(factory.CreateClient()))
        {
            await client.SignInAsNewUserAsync($"host-{Guid.NewGuid():N}@example.com", "Correct-Horse-42");
        }

        var services = new WeakReference(factory.Services);
        await factory.DisposeAsync();
        return services;
    }
}

/// <summary>A host of its own, with no other test running (xunit runs such a collection after the parallel ones).</summary>
[CollectionDefinition(nameof(HostLifetimeCollection), DisableParallelization = true)]
public sealed class HostLifetimeCollection : ICollectionFixture<SqliteApiFixture>;
