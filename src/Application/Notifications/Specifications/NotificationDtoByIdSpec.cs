using Ardalis.Specification;
using RiskPlatform.Application.Notifications.Common;
using RiskPlatform.Domain.Notifications;

namespace RiskPlatform.Application.Notifications.Specifications;

public sealed class NotificationDtoByIdSpec : Specification<Notification, NotificationDto>
{
    public NotificationDtoByIdSpec(Guid userId, Guid id) => Query.Where(n => n.Id == id && n.UserId == userId);
}
