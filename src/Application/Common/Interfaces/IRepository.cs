using Ardalis.Specification;
using RiskPlatform.Domain.Common;

namespace RiskPlatform.Application.Common.Interfaces;

/// <summary>
/// Loads aggregates tracked, so that the unit of work saves what the handler changed. Nothing here saves:
/// the unit-of-work behaviour saves once per command.
/// </summary>
public interface IRepository<T> : IReadRepository<T>
    where T : class, IAggregateRoot
{
    void Add(T aggregate);

    void Remove(T aggregate);

    /// <summary>
    /// Tracks <paramref name="aggregate"/> (with its child entities) as the database holds it, unchanged, so that the save writes
    /// only what the handler changes afterwards; returns the instance tracked, which is one already tracked with the same key
    /// when there is one. For an actor's remembered copy (<see cref="Actors.AccountChanges"/>).
    /// </summary>
    T Track(T aggregate);

    /// <summary>True when <paramref name="aggregate"/> is tracked with nothing left to save (it was saved, or never changed).</summary>
    bool IsSaved(T aggregate);

    /// <summary>Deletes every row the specification matches in one statement, inside the command's transaction.</summary>
    Task<int> DeleteAsync(ISpecification<T> specification, CancellationToken cancellationToken);
}
