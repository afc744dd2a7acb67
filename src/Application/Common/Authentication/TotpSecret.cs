namespace RiskPlatform.Application.Common.Authentication;

/// <summary>A new TOTP secret: <see cref="Sealed"/> for storage, the other two to show the user once.</summary>
public sealed record TotpSecret(byte[] Sealed, string Base32, string OtpAuthUri)
{
    /// <summary>Never prints the secret.</summary>
    public override string ToString() => "TotpSecret { *** }";
}
