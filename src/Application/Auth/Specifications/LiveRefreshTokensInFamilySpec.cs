using Ardalis.Specification;
using RiskPlatform.Domain.Users;

namespace RiskPlatform.Application.Auth.Specifications;

public sealed class LiveRefreshTokensInFamilySpec : Specification<RefreshToken>
{
    public LiveRefreshTokensInFamilySpec(Guid familyId) => Query.Where(t => t.FamilyId == familyId && t.RevokedAt == null);
}
