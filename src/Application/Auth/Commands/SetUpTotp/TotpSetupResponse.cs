namespace RiskPlatform.Application.Auth.Commands.SetUpTotp;

/// <summary>The new secret, shown this once: as base32 to type in, and as an <c>otpauth://</c> URI for a QR code.</summary>
public sealed record TotpSetupResponse(string Secret, string OtpauthUri)
{
    public override string ToString() => "TotpSetupResponse { *** }";
}
