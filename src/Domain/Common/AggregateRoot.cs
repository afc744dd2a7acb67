namespace RiskPlatform.Domain.Common;

/// <summary>An entity loaded and saved as a whole. Its behaviour methods raise domain events that are dispatched inside the same save.</summary>
public abstract class AggregateRoot : Entity, IAggregateRoot
{
    private List<IDomainEvent> _domainEvents = [];

    protected AggregateRoot()
    {
    }

    protected AggregateRoot(Guid id)
        : base(id)
    {
    }

    public IReadOnlyCollection<IDomainEvent> DomainEvents => _domainEvents.AsReadOnly();

    public void ClearDomainEvents() => _domainEvents.Clear();

    protected void Raise(IDomainEvent domainEvent) => _domainEvents.Add(domainEvent);

    /// <summary>A field-by-field copy with no domain events of its own: for an aggregate with no child entities or collections.</summary>
    protected T CopyWithoutEvents<T>()
        where T : AggregateRoot
    {
        var copy = (T)MemberwiseClone();
        copy._domainEvents = [];
        return copy;
    }
}
