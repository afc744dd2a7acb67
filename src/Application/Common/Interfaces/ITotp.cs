using RiskPlatform.Application.Common.Authentication;

namespace RiskPlatform.Application.Common.Interfaces;

/// <summary>
/// TOTP (RFC 6238: HMAC-SHA1, 6 digits, 30-second steps) with secrets sealed by the vault: the plain secret leaves this
/// port only once, as text for the user's authenticator app, and is never stored.
/// </summary>
public interface ITotp
{
    /// <summary>A new random secret for <paramref name="userId"/>: sealed for storage, and shown once as base32 and an otpauth URI.</summary>
    TotpSecret NewSecret(Guid userId, string accountName);

    /// <summary>
    /// The time step whose code <paramref name="code"/> is, within one step either side of <paramref name="now"/>; null when
    /// it matches none. The sealed secret must belong to <paramref name="userId"/> (it is bound to it).
    /// </summary>
    long? MatchTimeStep(Guid userId, byte[] sealedSecret, string code, DateTimeOffset now);

    /// <summary>True when <paramref name="sealedSecret"/> is sealed under another master key version than the vault's active one.</summary>
    bool NeedsResealing(byte[] sealedSecret);

    /// <summary>
    /// The same secret sealed again for <paramref name="userId"/> under the active master key (for <c>keys rewrap</c>).
    /// <see cref="Exceptions.CredentialIntegrityException"/> when it does not open for that user.
    /// </summary>
    byte[] Reseal(Guid userId, byte[] sealedSecret);
}
