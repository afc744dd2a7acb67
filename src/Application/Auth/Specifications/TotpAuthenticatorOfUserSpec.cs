using Ardalis.Specification;
using RiskPlatform.Domain.Users;

namespace RiskPlatform.Application.Auth.Specifications;

public sealed class TotpAuthenticatorOfUserSpec : Specification<TotpAuthenticator>
{
    public TotpAuthenticatorOfUserSpec(Guid userId) => Query.Where(a => a.UserId == userId);
}
