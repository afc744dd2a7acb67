namespace RiskPlatform.Web.Session;

/// <summary>
/// The signed-in user of one browser tab (one circuit): their tokens, kept in <see cref="ISessionStore"/> so a reload finds
/// them again. Only <see cref="Client.RiskPlatformClient"/> changes it; pages read <see cref="IsSignedIn"/> and listen to <see cref="Changed"/>.
/// </summary>
public sealed class ApiSession(ISessionStore store)
{
    public StoredSession? Current { get; private set; }

    public bool IsSignedIn => Current is not null;

    /// <summary>True once the stored session has been looked for (the first render of the layout).</summary>
    public bool IsRestored { get; private set; }

    /// <summary>One token refresh at a time per tab: concurrent requests wait for it and use its result.</summary>
    internal SemaphoreSlim RefreshLock { get; } = new(1, 1);

    public event Action? Changed;

    internal async Task<StoredSession?> LoadAsync()
    {
        Current = await store.LoadAsync();
        IsRestored = true;
        return Current;
    }

    internal async Task SetAsync(StoredSession session)
    {
        Current = session;
        IsRestored = true;
        await store.SaveAsync(session);
        Changed?.Invoke();
    }

    internal async Task ClearAsync()
    {
        var wasSignedIn = Current is not null;
        Current = null;
        IsRestored = true;
        await store.ClearAsync();
        if (wasSignedIn)
        {
            Changed?.Invoke();
        }
    }
}
