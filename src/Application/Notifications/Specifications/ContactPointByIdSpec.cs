using Ardalis.Specification;
using RiskPlatform.Domain.Notifications.Contacts;

namespace RiskPlatform.Application.Notifications.Specifications;

/// <summary>One contact point by id, whoever owns it (handlers check the owner and answer 404 for another user's).</summary>
public sealed class ContactPointByIdSpec : Specification<ContactPoint>
{
    public ContactPointByIdSpec(Guid id) => Query.Where(c => c.Id == id);
}
