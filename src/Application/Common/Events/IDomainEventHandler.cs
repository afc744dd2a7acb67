using RiskPlatform.Domain.Common;

namespace RiskPlatform.Application.Common.Events;

/// <summary>Reacts to a domain event inside the save that raised it: what it adds commits with the command.</summary>
public interface IDomainEventHandler<in TEvent>
    where TEvent : IDomainEvent
{
    Task Handle(TEvent domainEvent, CancellationToken cancellationToken);
}
