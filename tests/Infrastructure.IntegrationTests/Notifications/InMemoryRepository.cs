using RiskPlatform.Application.Common.Interfaces;
using RiskPlatform.Application.Common.Specifications;
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

    public void Remove(T aggregate)
    {
        lock (_items)
        {
            _items.Remove(aggregate);
        }
    }

    public Task<int> DeleteAsync(Specification<T> specification, CancellationToken cancellationToken)
    {
        lock (_items)
        {
            return Task.FromResult(_items.RemoveAll(specification.IsSatisfiedBy));
        }
    }

    public Task<T?> FirstOrDefaultAsync(Specification<T> specification, CancellationToken cancellationToken) =>
        Task.FromResult(Apply(specification).FirstOrDefault());

    public Task<TResult?> FirstOrDefaultAsync<TResult>(Specification<T, TResult> specification, CancellationToken cancellationToken) =>
        Task.FromResult(Project(specification).FirstOrDefault());

    public Task<List<T>> ListAsync(Specification<T> specification, CancellationToken cancellationToken) =>
        Task.FromResult(Apply(specification).ToList());

    public Task<List<TResult>> ListAsync<TResult>(Specification<T, TResult> specification, CancellationToken cancellationToken) =>
        Task.FromResult(Project(specification).ToList());

    public Task<int> CountAsync(Specification<T> specification, CancellationToken cancellationToken) =>
        Task.FromResult(Apply(specification).Count());

    public Task<bool> AnyAsync(Specification<T> specification, CancellationToken cancellationToken) =>
        Task.FromResult(Apply(specification).Any());

    private IEnumerable<TResult> Project<TResult>(Specification<T, TResult> specification)
    {
        var selector = specification.Selector?.Compile()
            ?? throw new NotSupportedException("The in-memory repository projects only with an explicit selector.");
        return Apply(specification).Select(selector);
    }

    private IEnumerable<T> Apply(Specification<T> specification)
    {
        IEnumerable<T> query = Items.Where(specification.IsSatisfiedBy);
        IOrderedEnumerable<T>? ordered = null;
        foreach (var order in specification.OrderBy)
        {
            var key = order.KeySelector.Compile();
            ordered = (ordered, order.Descending) switch
            {
                (null, false) => query.OrderBy(key),
                (null, true) => query.OrderByDescending(key),
                (_, false) => ordered.ThenBy(key),
                (_, true) => ordered.ThenByDescending(key),
            };
        }

        query = ordered ?? query;
        if (specification.Skip is { } skip)
        {
            query = query.Skip(skip);
        }

        return specification.Take is { } take ? query.Take(take) : query;
    }
}
