using Mapster;
using MediatR;
using Microsoft.Extensions.Options;
using RiskPlatform.Application.Common.Auditing;
using RiskPlatform.Application.Common.Exceptions;
using RiskPlatform.Application.Common.Interfaces;
using RiskPlatform.Application.Notifications.Common;
using RiskPlatform.Application.Notifications.Dispatch;
using RiskPlatform.Application.Notifications.Specifications;
using RiskPlatform.Domain.Auditing;
using RiskPlatform.Domain.Common;
using RiskPlatform.Domain.Notifications;

namespace RiskPlatform.Application.Notifications.Commands.SendTestNotification;

/// <summary>
/// At most <c>Notifications:TestNotificationsPerHour</c> per user (counted from the audit trail, which the user cannot
/// delete), so the endpoint cannot be used to send mail or SMS to strangers in bulk; beyond it 429 with Retry-After.
/// </summary>
internal sealed class SendTestNotificationCommandHandler(
    NotificationDispatcher dispatcher,
    IReadRepository<AuditLog> auditLogs,
    ICurrentUser currentUser,
    AuditScope audit,
    IOptions<NotificationLimitsOptions> limits,
    TimeProvider timeProvider,
    TypeAdapterConfig mapping) : IRequestHandler<SendTestNotificationCommand, TestNotificationResult>
{
    private static readonly TimeSpan Window = TimeSpan.FromHours(1);
    private static readonly string Action = AuditWriter.ActionOf(typeof(SendTestNotificationCommand));

    public async Task<TestNotificationResult> Handle(SendTestNotificationCommand request, CancellationToken cancellationToken)
    {
        var userId = currentUser.RequireUserId();
        var limit = limits.Value.TestNotificationsPerHour;
        var now = timeProvider.GetUtcNow().UtcDateTime;
        var recent = await auditLogs.ListAsync(new SucceededActionsOfUserSinceSpec(userId, Action, now - Window, limit), cancellationToken);
        if (recent.Count >= limit)
        {
            var retryAfter = recent[0].Timestamp + Window - now;
            throw new TooManyRequestsException(
                "too_many_test_notifications",
                $"At most {limit} test notifications an hour; try again later.",
                retryAfter > TimeSpan.Zero ? retryAfter : TimeSpan.FromSeconds(1));
        }

        var dispatched = await dispatcher.CreateAsync(
            new NewNotification(
                userId,
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
