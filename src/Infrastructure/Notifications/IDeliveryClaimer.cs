using RiskPlatform.Domain.Notifications;

namespace RiskPlatform.Infrastructure.Notifications;

/// <summary>Takes due delivery rows of one channel for this worker so that no other worker sends them at the same time.</summary>
internal interface IDeliveryClaimer
{
    Task<IReadOnlyList<ClaimedDelivery>> ClaimDueAsync(
        NotificationChannel channel, DateTime now, int batchSize, TimeSpan lease, CancellationToken cancellationToken);
}
