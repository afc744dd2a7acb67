using Ardalis.Specification;
using RiskPlatform.Domain.Notifications;

namespace RiskPlatform.Application.Notifications.Specifications;

public sealed class NotificationPreferenceByIdSpec : Specification<NotificationPreference>
{
    public NotificationPreferenceByIdSpec(Guid id) => Query.Where(p => p.Id == id);
}
