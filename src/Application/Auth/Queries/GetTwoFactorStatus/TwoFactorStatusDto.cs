namespace RiskPlatform.Application.Auth.Queries.GetTwoFactorStatus;

/// <summary>
/// <c>GET /auth/mfa</c>: <see cref="TotpEnabled"/> once an authenticator was confirmed (sign-in then needs a code),
/// <see cref="SetupPending"/> while one was set up but not yet confirmed, and the unused recovery codes (0 unless enabled).
/// </summary>
public sealed record TwoFactorStatusDto(bool TotpEnabled, bool SetupPending, DateTime? EnabledAt, int RecoveryCodesLeft);
