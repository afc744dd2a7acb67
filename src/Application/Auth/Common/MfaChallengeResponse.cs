namespace RiskPlatform.Application.Auth.Common;

/// <summary>
/// The answer to a right password when the account has a second factor: no tokens yet, a challenge to send with a code to
/// <c>/auth/mfa/verify</c> within <see cref="ExpiresIn"/> seconds.
/// </summary>
public sealed record MfaChallengeResponse(bool MfaRequired, string ChallengeToken, int ExpiresIn)
{
    public override string ToString() => $"MfaChallengeResponse {{ MfaRequired = {MfaRequired}, ChallengeToken = ***, ExpiresIn = {ExpiresIn} }}";
}
