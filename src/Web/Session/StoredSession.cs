namespace RiskPlatform.Web.Session;

/// <summary>What the browser keeps between page loads (encrypted by the server before it reaches the browser's storage).</summary>
public sealed record StoredSession(string Email, string AccessToken, string RefreshToken, DateTimeOffset AccessTokenExpiresAt);
