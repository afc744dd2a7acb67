using RiskPlatform.Application.Common.Messaging;
using RiskPlatform.Application.Notifications.Common;

namespace RiskPlatform.Application.Notifications.Queries.GetNotification;

public sealed record GetNotificationQuery(Guid Id) : IQuery<NotificationDto>;
