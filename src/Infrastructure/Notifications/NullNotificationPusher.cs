using RiskPlatform.Application.Common.Interfaces;
using RiskPlatform.Application.Notifications.Common;

namespace RiskPlatform.Infrastructure.Notifications;

/// <summary>The default <see cref="INotificationPusher"/> until a real-time transport (SignalR) is registered: pushes nothing.</summary>
internal sealed class NullNotificationPusher : INotificationPusher
{
    public Task PushNotificationAsync(Guid userId, NotificationDto notification, CancellationToken ct) => Task.CompletedTask;

    public Task UnreadCountChangedAsync(Guid userId, CancellationToken ct) => Task.CompletedTask;
}
