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

    /// <summary>Deletes every row the specification matches in one statement, inside the command's transaction.</summary>
    Task<int> DeleteAsync(ISpecification<T> specification, CancellationToken cancellationToken);
}
