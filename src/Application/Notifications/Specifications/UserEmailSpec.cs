using RiskPlatform.Application.Common.Specifications;
using RiskPlatform.Domain.Users;

namespace RiskPlatform.Application.Notifications.Specifications;

/// <summary>The account address of a user (the email recipient when the preference has no override).</summary>
public sealed class UserEmailSpec : Specification<User, string>
{
    public UserEmailSpec(Guid userId)
    {
        Query.Where(u => u.Id == userId);
        Select(u => u.Email);
    }
}
