using Ardalis.Specification;
using RiskPlatform.Application.Common.Interfaces;
using RiskPlatform.Domain.Common;

namespace RiskPlatform.Infrastructure.IntegrationTests.Notifications;

/// <summary>
/// An in-memory <see cref="IRepository{T}"/> that evaluates specifications in memory (criteria, order, paging), for
/// worker tests that don't depend on a database mapping. Entities are shared objects, as if always tracked.
/// </summary>
internal sealed class InMemoryRepository<T> : IRepository<T>
    where T : class, IAggregateRoot
{
    private readonly List<T> _items = [];

    public IReadOnlyList<T> Items
    {
        get
        {
            lock (_items)
            {
                return [.. _items];
            }
        }
    }

    public void Add(T aggregate)
    {
        lock (_items)
        {
            _items.Add(aggregate);
        }
    }

    public T Track(T aggregate) => aggregate;

    public bool IsSaved(T aggregate) => true;

    public void Remove(T aggregate)
    {
        lock (_items)
        {
            _items.Remove(aggregate);
        }
    }

    public Task<int> DeleteAsync(ISpecification<T> specification, CancellationToken cancellationToken)
    {
        lock (_items)
        {
            return Task.FromResult(_items.RemoveAll(specification.IsSatisfiedBy));
        }
    }

    public Task<T?> FirstOrDefaultAsync(ISpecification<T> specification, CancellationToken cancellationToken) =>
        Task.FromResult(Apply(specification).FirstOrDefault());

    public Task<TResult?> FirstOrDefaultAsync<TResult>(ISpecification<T, TResult> specification, CancellationToken cancellationToken) =>
        Task.FromResult(Project(specification).FirstOrDefault());

    public Task<List<T>> ListAsync(ISpecification<T> specification, CancellationToken cancellationToken) =>
        Task.FromResult(Apply(specification).ToList());

    public Task<List<TResult>> ListAsync<TResult>(ISpecification<T, TResult> specification, CancellationToken cancellationToken) =>
        Task.FromResult(Project(specification).ToList());

    public Task<int> CountAsync(ISpecification<T> specification, CancellationToken cancellationToken) =>
        Task.FromResult(Apply(specification).Count());

    public Task<bool> AnyAsync(ISpecification<T> specification, CancellationToken cancellationToken) =>
        Task.FromResult(Apply(specification).Any());

    /// <summary>Projects only with an explicit selector (Ardalis throws <see cref="SelectorNotFoundException"/> otherwise).</summary>
    private IEnumerable<TResult> Project<TResult>(ISpecification<T, TResult> specification) => specification.Evaluate(Items);

    /// <summary>Ardalis's in-memory evaluator: criteria, order, skip/take.</summary>
    private IEnumerable<T> Apply(ISpecification<T> specification) => specification.Evaluate(Items);
}
