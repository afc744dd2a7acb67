namespace RiskPlatform.Application.Auth.Common;

/// <summary>As the existing clients read it; <c>expires_in</c> is the access token's lifetime in seconds.</summary>
public sealed record TokenResponse(string AccessToken, string RefreshToken, string TokenType, int ExpiresIn)
{
    public override string ToString() => $"{nameof(TokenResponse)} {{ AccessToken = ***, RefreshToken = ***, TokenType = {TokenType}, ExpiresIn = {ExpiresIn} }}";
}
