namespace RiskPlatform.Web.Client;

/// <summary>Wire shapes of <c>/api/v1/auth</c>.</summary>
public sealed record RegisterRequest(string Email, string Password, string FullName);

public sealed record LoginRequest(string Email, string Password);

public sealed record RefreshRequest(string RefreshToken);

public sealed record TokenPair(string AccessToken, string RefreshToken, string TokenType, int ExpiresIn);

public sealed record CurrentUser(Guid Id, string Email, string FullName, string Role);
