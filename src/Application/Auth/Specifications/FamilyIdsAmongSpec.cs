using Ardalis.Specification;
using RiskPlatform.Domain.Users;

namespace RiskPlatform.Application.Auth.Specifications;

/// <summary>The families among these that have a stored token, once per token (served by <c>ix_refresh_tokens_family</c>).</summary>
public sealed class FamilyIdsAmongSpec : Specification<RefreshToken, Guid>
{
    public FamilyIdsAmongSpec(IReadOnlyCollection<Guid> familyIds)
    {
        Query.Where(t => familyIds.Contains(t.FamilyId));
        Query.Select(t => t.FamilyId);
    }
}
