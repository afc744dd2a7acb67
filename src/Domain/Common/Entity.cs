namespace RiskPlatform.Domain.Common;

/// <summary>Base for every persisted entity: a UUID v7 key, so inserts stay index-friendly and ids sort by creation.</summary>
public abstract class Entity
{
    protected Entity() => Id = Guid.CreateVersion7();

    protected Entity(Guid id) => Id = id;

    public Guid Id { get; protected set; }
}
