using Ardalis.Specification;
using RiskPlatform.Domain.Users;

namespace RiskPlatform.Application.Auth.Specifications;

public sealed class EnabledTotpAuthenticatorOfUserSpec : Specification<TotpAuthenticator>
{
    public EnabledTotpAuthenticatorOfUserSpec(Guid userId) => Query.Where(a => a.UserId == userId && a.ConfirmedAt != null);
}
