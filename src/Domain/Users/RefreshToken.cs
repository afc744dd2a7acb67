using RiskPlatform.Domain.Common;

namespace RiskPlatform.Domain.Users;

/// <summary>
/// One refresh token, stored as a SHA-256 hash. Tokens rotate: each use spends the token and issues a successor in the same family.
/// Presenting a spent token means it leaked, so the whole family is revoked.
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

    public DateTime? SpentAt { get; private set; }

    public DateTime? RevokedAt { get; private set; }

    /// <summary>Two refreshes racing with the same token: only the first to save spends it; the other gets a conflict.</summary>
    public Guid ConcurrencyStamp { get; set; }

    public bool IsUsable(DateTime now) => SpentAt is null && RevokedAt is null && ExpiresAt > now;

    public static RefreshToken Issue(Guid userId, Guid familyId, string tokenHash, DateTime now, TimeSpan lifetime) => new()
    {
        UserId = userId,
        FamilyId = familyId,
        TokenHash = tokenHash,
        CreatedAt = now,
        ExpiresAt = now + lifetime,
    };

    public void Spend(DateTime now) => SpentAt = now;

    public void Revoke(DateTime now) => RevokedAt ??= now;
}
