using RiskPlatform.Domain.Notifications;

namespace RiskPlatform.Application.Common.Interfaces;

/// <summary>
/// Wakes this process's outbox worker of a channel: delivery rows due now were committed. The workers poll anyway (rows
/// of other instances, retries, scheduled rows); the signal only spares a new row the wait for the next poll.
/// </summary>
public interface IDeliveryOutboxSignal
{
    /// <summary>Call after the commit that stored the rows: a worker woken earlier would find nothing.</summary>
    void DeliveriesDue(NotificationChannel channel);
}
