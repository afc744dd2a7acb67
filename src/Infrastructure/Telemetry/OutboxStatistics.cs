using System.Data.Common;
using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using RiskPlatform.Domain.Common;
using RiskPlatform.Domain.Notifications;
using RiskPlatform.Infrastructure.Persistence;

namespace RiskPlatform.Infrastructure.Telemetry;

/// <summary>
/// The notification outbox as the metrics see it: deliveries waiting to be sent per channel and the age of the oldest. Read
/// from the database when a metrics reader collects (two small indexed queries), at most once a second, so the depth and age
/// gauges of one collection share one read. A database that cannot be read leaves the last figures in place.
/// </summary>
internal sealed class OutboxStatistics(IServiceScopeFactory scopes, TimeProvider timeProvider)
{
    private static readonly TimeSpan Freshness = TimeSpan.FromSeconds(1);
    private readonly Lock _gate = new();
    private Snapshot _last = new([], TimeSpan.Zero);
    private long? _readAt;

    public Snapshot Read()
    {
        lock (_gate)
        {
            if (_readAt is { } readAt && Stopwatch.GetElapsedTime(readAt) < Freshness)
            {
                return _last;
            }

            try
            {
                _last = Query();
            }
            catch (Exception exception) when (exception is DbException or InvalidOperationException or TimeoutException)
            {
                // Keep the last figures: a gauge callback must not fail the whole collection.
            }

            _readAt = Stopwatch.GetTimestamp();
            return _last;
        }
    }

    private Snapshot Query()
    {
        using var scope = scopes.CreateScope();
        var deliveries = scope.ServiceProvider.GetRequiredService<RiskPlatformDbContext>().Set<NotificationDelivery>().AsNoTracking()
            .Where(d => d.Status == DeliveryStatus.Pending);
        var depth = deliveries.GroupBy(d => d.Channel).Select(g => new { Channel = g.Key, Count = g.LongCount() }).ToList();
        var oldest = deliveries.OrderBy(d => d.CreatedAt).Select(d => (DateTime?)d.CreatedAt).FirstOrDefault();
        var age = oldest is { } createdAt ? timeProvider.GetUtcNow().UtcDateTime - createdAt : TimeSpan.Zero;
        return new Snapshot([.. depth.Select(d => new ChannelDepth(WireEnum.Name(d.Channel), d.Count))], age < TimeSpan.Zero ? TimeSpan.Zero : age);
    }

    public sealed record Snapshot(IReadOnlyList<ChannelDepth> Depth, TimeSpan OldestAge);

    public sealed record ChannelDepth(string Channel, long Count);
}
