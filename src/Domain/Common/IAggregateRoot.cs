namespace RiskPlatform.Domain.Common;

/// <summary>Marks the types that repositories may load and save.</summary>
public interface IAggregateRoot
{
    IReadOnlyCollection<IDomainEvent> DomainEvents { get; }

    void ClearDomainEvents();
}
