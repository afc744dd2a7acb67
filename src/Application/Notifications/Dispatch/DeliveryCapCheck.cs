using Microsoft.Extensions.Options;
using RiskPlatform.Application.Common.Interfaces;
using RiskPlatform.Application.Notifications.Common;
using RiskPlatform.Application.Notifications.Specifications;
using RiskPlatform.Domain.Notifications;
using RiskPlatform.Domain.Notifications.Delivery;

namespace RiskPlatform.Application.Notifications.Dispatch;

/// <summary>
/// Which capped channels a user has used up (<c>Notifications:Caps</c>), counted from their delivery rows of the last hour
/// and day; and whether a cap was already reported in its window, so the in-app notice about it is sent once.
/// No query at all when no cap is configured.
/// </summary>
public sealed class DeliveryCapCheck(IReadRepository<NotificationDelivery> deliveries, IOptions<NotificationLimitsOptions> options)
{
    private static readonly TimeSpan Hour = TimeSpan.FromHours(1);
    private static readonly TimeSpan Day = TimeSpan.FromDays(1);

    /// <summary>The channels at a cap, each with the start of the window whose cap it reached.</summary>
    public async Task<IReadOnlyDictionary<NotificationChannel, DateTime>> ChannelsAtCapAsync(Guid userId, DateTime now, CancellationToken cancellationToken)
    {
        var atCap = new Dictionary<NotificationChannel, DateTime>();
        foreach (var channel in DeliveryCaps.CappedChannels)
        {
            if (options.Value.CapFor(channel) is not { } cap)
            {
                continue;
            }

            foreach (var (limit, window) in new[] { (cap.PerHour, Hour), (cap.PerDay, Day) })
            {
                if (limit is > 0
                    && DeliveryCaps.Reached(limit, await deliveries.CountAsync(new ChannelDeliveriesSinceSpec(userId, channel, now - window), cancellationToken)))
                {
                    atCap[channel] = now - window;
                    break;
                }
            }
        }

        return atCap;
    }

    /// <summary>Whether a row was already suppressed for the cap on this channel in the window (the notice went out then).</summary>
    public async Task<bool> AlreadyReportedAsync(Guid userId, NotificationChannel channel, DateTime windowStart, CancellationToken cancellationToken) =>
        await deliveries.AnyAsync(new ChannelDeliveriesSinceSpec(userId, channel, windowStart, DeliveryReasons.CapReached), cancellationToken);
}
