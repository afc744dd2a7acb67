using Ardalis.Specification;
using RiskPlatform.Domain.Users;

namespace RiskPlatform.Application.Notifications.Specifications;

/// <summary>
/// The account address of a user (the email recipient when the preference has no override), and whether its owner followed the
/// account's verification link (then it counts as a verified contact point).
/// </summary>
public sealed class UserEmailSpec : Specification<User, AccountEmail>
{
    public UserEmailSpec(Guid userId)
    {
        Query.Where(u => u.Id == userId);
        Query.Select(u => new AccountEmail(u.Email, u.IsVerified));
    }
}

/// <summary>A user's account address and whether it was verified through the account's verification link.</summary>
public sealed record AccountEmail(string Address, bool IsVerified);
