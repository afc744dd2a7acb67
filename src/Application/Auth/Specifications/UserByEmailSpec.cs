using Ardalis.Specification;
using RiskPlatform.Domain.Users;

namespace RiskPlatform.Application.Auth.Specifications;

public sealed class UserByEmailSpec : Specification<User>
{
    public UserByEmailSpec(string email)
    {
        var normalized = User.Normalize(email);
        Query.Where(u => u.NormalizedEmail == normalized);
    }
}
