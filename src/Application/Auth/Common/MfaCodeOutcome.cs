namespace RiskPlatform.Application.Auth.Common;

public enum MfaCodeOutcome
{
    /// <summary>A TOTP code of a step not used before.</summary>
    Accepted,

    /// <summary>An unused recovery code, now spent.</summary>
    RecoveryCodeAccepted,

    /// <summary>Matches neither the authenticator nor an unused recovery code.</summary>
    Wrong,

    /// <summary>A right TOTP code whose step (or a later one) was already used: refused like a wrong one.</summary>
    Replayed,
}
