namespace RiskPlatform.Web.Session;

/// <summary>Where a signed-in session survives a page reload.</summary>
public interface ISessionStore
{
    ValueTask<StoredSession?> LoadAsync();

    ValueTask SaveAsync(StoredSession session);

    ValueTask ClearAsync();
}
