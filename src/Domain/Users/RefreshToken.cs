using RiskPlatform.Domain.Common;

namespace RiskPlatform.Domain.Users;

/// <summary>
/// One refresh token, stored as a SHA-256 hash. Tokens rotate: each use spends the token and issues a successor in the same family.
/// Presenting a spent token means it leaked, so the whole family is revoked. A family (one sign-in on one device) ends at its
/// <see cref="SessionExpiresAt"/> however often it is refreshed: no successor outlives it.
/// </summary>
public sealed class RefreshToken : AggregateRoot, IConcurrencyAware
{
    private RefreshToken()
    {
    }

    public Guid UserId { get; private set; }

    public Guid FamilyId { get; private set; }

    public string TokenHash { get; private set; } = string.Empty;

    public DateTime CreatedAt { get; private set; }

    public DateTime ExpiresAt { get; private set; }

    /// <summary>When the family's session ends, set at sign-in and inherited by every successor.</summary>
    public DateTime SessionExpiresAt { get; private set; }

    public DateTime? SpentAt { get; private set; }

    public DateTime? RevokedAt { get; private set; }

    /// <summary>Two refreshes racing with the same token: only the first to save spends it; the other gets a conflict.</summary>
    public Guid ConcurrencyStamp { get; set; }

    public bool IsUsable(DateTime now) => SpentAt is null && RevokedAt is null && ExpiresAt > now;

    /// <summary>The first token of a new family (a sign-in), whose session lasts at most <paramref name="sessionLifetime"/>.</summary>
    public static RefreshToken StartSession(Guid userId, Guid familyId, string tokenHash, DateTime now, TimeSpan lifetime, TimeSpan sessionLifetime) =>
        Issue(userId, familyId, tokenHash, now, lifetime, now + sessionLifetime);

    /// <summary>The successor of this token in its family: it expires with the session at the latest.</summary>
    public RefreshToken IssueSuccessor(string tokenHash, DateTime now, TimeSpan lifetime) =>
        Issue(UserId, FamilyId, tokenHash, now, lifetime, SessionExpiresAt);

    private static RefreshToken Issue(Guid userId, Guid familyId, string tokenHash, DateTime now, TimeSpan lifetime, DateTime sessionExpiresAt) => new()
    {
        UserId = userId,
        FamilyId = familyId,
        TokenHash = tokenHash,
        CreatedAt = now,
        ExpiresAt = now + lifetime < sessionExpiresAt ? now + lifetime : sessionExpiresAt,
        SessionExpiresAt = sessionExpiresAt,
    };

    public void Spend(DateTime now) => SpentAt = now;

    public void Revoke(DateTime now) => RevokedAt ??= now;
}
