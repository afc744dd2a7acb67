using Ardalis.Specification;
using RiskPlatform.Domain.Notifications;

namespace RiskPlatform.Application.Notifications.Specifications;

/// <summary>One notification whoever owns it: the handler tells "another user's" (404, audited as denied) from missing.</summary>
public sealed class NotificationByIdSpec : Specification<Notification>
{
    public NotificationByIdSpec(Guid id) => Query.Where(n => n.Id == id);
}
