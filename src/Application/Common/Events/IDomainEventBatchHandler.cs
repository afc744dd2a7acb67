using RiskPlatform.Domain.Common;

namespace RiskPlatform.Application.Common.Events;

/// <summary>
/// Reacts once to every event of one type that a save raised (a feed's batch of quotes raises one per symbol), inside that save:
/// for work that would otherwise read the database once per event. Called after the per-event handlers of the same round.
/// </summary>
public interface IDomainEventBatchHandler<in TEvent>
    where TEvent : IDomainEvent
{
    Task Handle(IReadOnlyList<TEvent> domainEvents, CancellationToken cancellationToken);
}
