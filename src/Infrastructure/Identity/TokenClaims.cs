namespace RiskPlatform.Infrastructure.Identity;

/// <summary>Claims of our access tokens beyond the registered ones.</summary>
public static class TokenClaims
{
    /// <summary>The sign-in (refresh-token family) a token belongs to, so that logout can close its real-time connections.</summary>
    public const string Session = "sid";
}
