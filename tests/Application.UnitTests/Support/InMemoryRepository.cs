using Mapster;
using NSubstitute;
using RiskPlatform.Application.Common.Interfaces;
using RiskPlatform.Application.Common.Specifications;
using RiskPlatform.Domain.Common;

namespace RiskPlatform.Application.UnitTests.Support;

/// <summary>
/// An NSubstitute repository whose reads answer from a list by evaluating the specification in memory (criteria, order,
/// skip/take; projections through the application's Mapster configuration), and whose <c>Add</c> appends to that list.
/// Handlers are then tested on what they load and leave behind, and the specifications they build are exercised too.
/// </summary>
public static class InMemoryRepository
{
    private static readonly TypeAdapterConfig Mapping = DependencyInjection.CreateMappingConfig();

    public static IRepository<T> Of<T>(List<T> store)
        where T : class, IAggregateRoot
    {
        var repository = Substitute.For<IRepository<T>>();
        repository.FirstOrDefaultAsync(Arg.Any<Specification<T>>(), Arg.Any<CancellationToken>())
            .Returns(call => Task.FromResult(Evaluate(store, call.Arg<Specification<T>>()).FirstOrDefault()));
        repository.ListAsync(Arg.Any<Specification<T>>(), Arg.Any<CancellationToken>())
            .Returns(call => Task.FromResult(Evaluate(store, call.Arg<Specification<T>>()).ToList()));
        repository.AnyAsync(Arg.Any<Specification<T>>(), Arg.Any<CancellationToken>())
            .Returns(call => Task.FromResult(Evaluate(store, call.Arg<Specification<T>>()).Any()));
        repository.CountAsync(Arg.Any<Specification<T>>(), Arg.Any<CancellationToken>())
            .Returns(call => Task.FromResult(Evaluate(store, call.Arg<Specification<T>>()).Count()));
        repository.When(r => r.Add(Arg.Any<T>())).Do(call => store.Add(call.Arg<T>()));
        repository.When(r => r.Remove(Arg.Any<T>())).Do(call => store.Remove(call.Arg<T>()));
        repository.DeleteAsync(Arg.Any<Specification<T>>(), Arg.Any<CancellationToken>())
            .Returns(call =>
            {
                var matches = Evaluate(store, call.Arg<Specification<T>>()).ToList();
                store.RemoveAll(matches.Contains);
                return Task.FromResult(matches.Count);
            });
        return repository;
    }

    /// <summary>Also answers projecting specifications of one result type, as the EF evaluator's <c>ProjectToType</c> would.</summary>
    public static IRepository<T> Projecting<T, TResult>(this IRepository<T> repository, List<T> store)
        where T : class, IAggregateRoot
    {
        repository.FirstOrDefaultAsync(Arg.Any<Specification<T, TResult>>(), Arg.Any<CancellationToken>())
            .Returns(call => Task.FromResult(Project(Evaluate(store, call.Arg<Specification<T, TResult>>()), call.Arg<Specification<T, TResult>>()).FirstOrDefault()));
        repository.ListAsync(Arg.Any<Specification<T, TResult>>(), Arg.Any<CancellationToken>())
            .Returns(call => Task.FromResult(Project(Evaluate(store, call.Arg<Specification<T, TResult>>()), call.Arg<Specification<T, TResult>>()).ToList()));
        return repository;
    }

    private static IEnumerable<T> Evaluate<T>(IEnumerable<T> source, Specification<T> specification)
        where T : class
    {
        var query = source.Where(specification.IsSatisfiedBy);
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

    private static IEnumerable<TResult> Project<T, TResult>(IEnumerable<T> source, Specification<T, TResult> specification)
        where T : class =>
        specification.Selector is { } selector ? source.Select(selector.Compile()) : source.Select(item => item.Adapt<TResult>(Mapping));
}
