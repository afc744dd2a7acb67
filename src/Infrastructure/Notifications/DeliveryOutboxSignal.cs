using System.Collections.Concurrent;
using RiskPlatform.Application.Common.Interfaces;
using RiskPlatform.Domain.Notifications;

namespace RiskPlatform.Infrastructure.Notifications;

/// <summary>
/// The in-process <see cref="IDeliveryOutboxSignal"/>: per channel, a task that the next <see cref="DeliveriesDue"/>
/// completes. A worker takes it (<see cref="Next"/>) before it claims, so a row committed during the claim still wakes it:
/// no signal is lost between a claim that missed the row and the wait that follows.
/// </summary>
internal sealed class DeliveryOutboxSignal : IDeliveryOutboxSignal
{
    private readonly ConcurrentDictionary<NotificationChannel, TaskCompletionSource> _next = new();

    public void DeliveriesDue(NotificationChannel channel)
    {
        if (_next.TryRemove(channel, out var waiting))
        {
            waiting.TrySetResult();
        }
    }

    /// <summary>Completes at the first <see cref="DeliveriesDue"/> of <paramref name="channel"/> after this call.</summary>
    public Task Next(NotificationChannel channel) =>
        _next.GetOrAdd(channel, _ => new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously)).Task;
}
