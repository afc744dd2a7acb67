using System.Security.Cryptography;
using Microsoft.AspNetCore.Components.Server.ProtectedBrowserStorage;

namespace RiskPlatform.Web.Session;

/// <summary>
/// The session in the browser's local storage, protected with the server's data-protection keys: the browser holds only
/// ciphertext, and a value it cannot decrypt (keys rotated, tampered) reads as signed out.
/// </summary>
internal sealed class BrowserSessionStore(ProtectedLocalStorage storage) : ISessionStore
{
    private const string Key = "riskplatform.session";

    public async ValueTask<StoredSession?> LoadAsync()
    {
        try
        {
            var result = await storage.GetAsync<StoredSession>(Key);
            return result.Success ? result.Value : null;
        }
        catch (CryptographicException)
        {
            await ClearAsync();
            return null;
        }
    }

    public ValueTask SaveAsync(StoredSession session) => storage.SetAsync(Key, session);

    public ValueTask ClearAsync() => storage.DeleteAsync(Key);
}
