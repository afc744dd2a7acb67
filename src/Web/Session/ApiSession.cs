namespace RiskPlatform.Web.Session;

/// <summary>
/// The signed-in user of one browser tab (one circuit): their tokens, kept in <see cref="ISessionStore"/> so a reload finds
/// them again, and the proof of a recent second factor (<see cref="MfaProof"/>) while it lasts: in memory only, so it never
/// reaches the browser and a reload asks for a code again. Only <see cref="Client.RiskPlatformClient"/> changes it; pages read
/// <see cref="IsSignedIn"/> and listen to <see cref="Changed"/>.
/// </summary>
public sealed class ApiSession(ISessionStore store)
{
    public StoredSession? Current { get; private set; }

    public bool IsSignedIn => Current is not null;

    /// <summary>True once the stored session has been looked for (the first render of the layout).</summary>
    public bool IsRestored { get; private set; }

    /// <summary>One token refresh at a time per tab: concurrent requests wait for it and use its result.</summary>
    internal SemaphoreSlim RefreshLock { get; } = new(1, 1);

    /// <summary>The step-up proof sent as <c>X-MFA-Proof</c> until it expires; null when none was asked for or it was dropped.</summary>
    internal MfaProof? MfaProof { get; private set; }

    public event Action? Changed;

    /// <summary>The proof when it is still valid at <paramref name="now"/>.</summary>
    internal string? MfaProofAt(DateTimeOffset now) => MfaProof is { } proof && proof.ExpiresAt > now ? proof.Value : null;

    internal void KeepMfaProof(MfaProof proof) => MfaProof = proof;

    internal void ForgetMfaProof() => MfaProof = null;

    internal async Task<StoredSession?> LoadAsync()
    {
        Current = await store.LoadAsync();
        IsRestored = true;
        return Current;
    }

    internal async Task SetAsync(StoredSession session)
    {
        if (Current?.Email != session.Email)
        {
            MfaProof = null; // another user's sign-in never inherits a proof
        }

        Current = session;
        IsRestored = true;
        await store.SaveAsync(session);
        Changed?.Invoke();
    }

    internal async Task ClearAsync()
    {
        var wasSignedIn = Current is not null;
        Current = null;
        MfaProof = null;
        IsRestored = true;
        await store.ClearAsync();
        if (wasSignedIn)
        {
            Changed?.Invoke();
        }
    }
}
