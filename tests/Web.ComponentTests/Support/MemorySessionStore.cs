using RiskPlatform.Web.Session;

namespace RiskPlatform.Web.ComponentTests.Support;

/// <summary>The browser's storage in memory.</summary>
internal sealed class MemorySessionStore : ISessionStore
{
    public StoredSession? Stored { get; set; }

    public ValueTask<StoredSession?> LoadAsync() => ValueTask.FromResult(Stored);

    public ValueTask SaveAsync(StoredSession session)
    {
        Stored = session;
        return ValueTask.CompletedTask;
    }

    public ValueTask ClearAsync()
    {
        Stored = null;
        return ValueTask.CompletedTask;
    }
}
