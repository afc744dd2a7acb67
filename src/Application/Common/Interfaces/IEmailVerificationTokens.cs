namespace RiskPlatform.Application.Common.Interfaces;

/// <summary>
/// The token of an email verification link: it names its user in clear, expires, and is signed for that user's email address
/// as it is now, so it cannot be forged, reused for another account, or used after the address changed.
/// </summary>
public interface IEmailVerificationTokens
{
    string Create(Guid userId, string normalizedEmail);

    /// <summary>The user a well-formed token names (not yet checked: see <see cref="IsValid"/>); null when it is malformed.</summary>
    Guid? UserOf(string token);

    /// <summary>True when the token is signed for this user and address and has not expired.</summary>
    bool IsValid(string token, Guid userId, string normalizedEmail);
}
