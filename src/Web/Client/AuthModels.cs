namespace RiskPlatform.Web.Client;

/// <summary>Wire shapes of <c>/api/v1/auth</c>.</summary>
public sealed record RegisterRequest(string Email, string Password, string FullName);

public sealed record LoginRequest(string Email, string Password);

public sealed record RefreshRequest(string RefreshToken);

public sealed record TokenPair(string AccessToken, string RefreshToken, string TokenType, int ExpiresIn);

/// <summary>
/// The answer to <c>POST /auth/login</c>: the token pair, or, for an account with a second factor,
/// <c>{mfa_required: true, challenge_token, expires_in}</c> and no tokens.
/// </summary>
public sealed record LoginAnswer(
    string? AccessToken, string? RefreshToken, string? TokenType, int ExpiresIn, bool MfaRequired, string? ChallengeToken);

public sealed record MfaVerifyRequest(string ChallengeToken, string Code);

/// <summary>How a sign-in ended: signed in, or waiting for the second factor (<see cref="ChallengeToken"/>).</summary>
public sealed record SignInOutcome(string? ChallengeToken)
{
    public bool NeedsSecondFactor => ChallengeToken is not null;
}

public sealed record CurrentUser(Guid Id, string Email, string FullName, string Role, bool IsVerified);

/// <summary><c>GET /auth/mfa</c>: whether sign-in needs a second factor; never a secret.</summary>
public sealed record TwoFactorStatus(bool TotpEnabled, bool SetupPending, DateTime? EnabledAt, int RecoveryCodesLeft);

/// <summary>A new TOTP secret (<c>POST /auth/mfa/totp/setup</c>): shown once, until the first code confirms it.</summary>
public sealed record TotpSetup(string Secret, string OtpauthUri);

public sealed record TotpCode(string Code);

/// <summary>The answer of <c>POST /auth/mfa/step-up</c>: the proof for <c>X-MFA-Proof</c> and its lifetime in seconds.</summary>
public sealed record MfaProofAnswer(string MfaProof, int ExpiresIn)
{
    public override string ToString() => $"MfaProofAnswer {{ MfaProof = ***, ExpiresIn = {ExpiresIn} }}";
}

/// <summary>The recovery codes (<c>POST /auth/mfa/totp/confirm</c>), shown once.</summary>
public sealed record TotpRecoveryCodes(IReadOnlyList<string> RecoveryCodes);

public sealed record DisableTotpRequest(string Password, string Code);
