namespace RiskPlatform.Web.Session;

/// <summary>A step-up proof (<c>POST /auth/mfa/step-up</c>) and when it stops being accepted.</summary>
internal sealed record MfaProof(string Value, DateTimeOffset ExpiresAt)
{
    public override string ToString() => $"MfaProof {{ Value = ***, ExpiresAt = {ExpiresAt:O} }}";
}
