using Mapster;
using MediatR;
using RiskPlatform.Application.Common.Auditing;
using RiskPlatform.Application.Common.Interfaces;
using RiskPlatform.Application.Common.Validation;
using RiskPlatform.Application.Notifications.Common;
using RiskPlatform.Application.Notifications.Dispatch;
using RiskPlatform.Domain.Notifications;

namespace RiskPlatform.Application.Notifications.Commands.SendTestNotification;

internal sealed class SendTestNotificationCommandHandler(
    NotificationDispatcher dispatcher,
    ICurrentUser currentUser,
    AuditScope audit,
    TypeAdapterConfig mapping) : IRequestHandler<SendTestNotificationCommand, TestNotificationResult>
{
    public async Task<TestNotificationResult> Handle(SendTestNotificationCommand request, CancellationToken cancellationToken)
    {
        var dispatched = await dispatcher.CreateAsync(
            new NewNotification(
                currentUser.RequireUserId(),
                NotificationType.SystemAlert,
                request.Priority,
                "Test notification",
                $"This is a test notification at {WireEnum.Name(request.Priority)} priority. If you can read it, this channel works.",
                DataJson: $$"""{"test":true}"""),
            cancellationToken);

        audit.Target("notification", dispatched.Notification.Id).Describe("Sent a test notification");
        return new TestNotificationResult(
            dispatched.Notification.Adapt<NotificationDto>(mapping),
            [.. dispatched.Deliveries.Select(d => d.Adapt<NotificationDeliveryDto>(mapping))]);
    }
}
