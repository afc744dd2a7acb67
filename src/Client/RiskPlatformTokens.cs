namespace RiskPlatform.Client;

/// <summary>
/// The signed-in session's tokens, shared by every request of a client. <see cref="TokenRefreshHandler"/> reads them for each
/// request and replaces them when it refreshes; keep a reference to store the refresh token between runs if needed.
/// </summary>
public sealed class RiskPlatformTokens
{
    private readonly Lock _gate = new();
    private string? _accessToken;
    private string? _refreshToken;

    public string? AccessToken
    {
        get
        {
            lock (_gate)
            {
                return _accessToken;
            }
        }
    }

    public string? RefreshToken
    {
        get
        {
            lock (_gate)
            {
                return _refreshToken;
            }
        }
    }

    /// <summary>Raised after the tokens changed (signed in or refreshed).</summary>
    public event EventHandler? Changed;

    public void Set(string accessToken, string refreshToken)
    {
        lock (_gate)
        {
            _accessToken = accessToken;
            _refreshToken = refreshToken;
        }

        Changed?.Invoke(this, EventArgs.Empty);
    }

    public void Set(TokenResponse tokens)
    {
        ArgumentNullException.ThrowIfNull(tokens);
        Set(tokens.Access_token, tokens.Refresh_token);
    }

    public void Clear()
    {
        lock (_gate)
        {
            _accessToken = null;
            _refreshToken = null;
        }

        Changed?.Invoke(this, EventArgs.Empty);
    }
}
