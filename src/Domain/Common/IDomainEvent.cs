namespace RiskPlatform.Domain.Common;

/// <summary>Something that happened in the domain. Dispatched to Application handlers inside the save that persists it.</summary>
public interface IDomainEvent
{
    DateTime OccurredAt { get; }
}
