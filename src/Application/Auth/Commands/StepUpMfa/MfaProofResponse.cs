namespace RiskPlatform.Application.Auth.Commands.StepUpMfa;

/// <summary>A proof of a recent second factor, to send as <c>X-MFA-Proof</c> within <see cref="ExpiresIn"/> seconds.</summary>
public sealed record MfaProofResponse(string MfaProof, int ExpiresIn)
{
    public override string ToString() => $"MfaProofResponse {{ MfaProof = ***, ExpiresIn = {ExpiresIn} }}";
}
