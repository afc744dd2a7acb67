using Ardalis.Specification;
using RiskPlatform.Domain.Users;

namespace RiskPlatform.Application.Auth.Specifications;

/// <summary>The families among these that still have a token (once per such token) that is not revoked, before the family's absolute end.</summary>
public sealed class LiveFamilyIdsAmongSpec : Specification<RefreshToken, Guid>
{
    public LiveFamilyIdsAmongSpec(IReadOnlyCollection<Guid> familyIds, DateTime now)
    {
        Query.Where(t => familyIds.Contains(t.FamilyId) && t.RevokedAt == null && t.SessionExpiresAt > now);
        Query.Select(t => t.FamilyId);
    }
}
