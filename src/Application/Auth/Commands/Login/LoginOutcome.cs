using RiskPlatform.Application.Auth.Common;

namespace RiskPlatform.Application.Auth.Commands.Login;

/// <summary>Either the token pair, or (the account has a second factor) a challenge to complete at <c>/auth/mfa/verify</c>.</summary>
public sealed record LoginOutcome(TokenResponse? Tokens, MfaChallengeResponse? MfaChallenge);
