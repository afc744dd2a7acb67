using Ardalis.Specification;
using RiskPlatform.Domain.Notifications.Contacts;

namespace RiskPlatform.Application.Notifications.Specifications;

/// <summary>The user's contact points, oldest first: only the verified ones (what dispatch and the list read), or only the pending ones.</summary>
public sealed class ContactPointsOfUserSpec : Specification<ContactPoint>
{
    public ContactPointsOfUserSpec(Guid userId, bool verified = true)
    {
        Query.Where(c => c.UserId == userId);
        if (verified)
        {
            Query.Where(c => c.VerifiedAt != null);
        }
        else
        {
            Query.Where(c => c.VerifiedAt == null);
        }

        Query.OrderBy(c => c.CreatedAt).ThenBy(c => c.Id);
    }
}
