using Ardalis.Specification;
using Mapster;
using NSubstitute;
using RiskPlatform.Application.Common.Interfaces;
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
        repository.FirstOrDefaultAsync(Arg.Any<ISpecification<T>>(), Arg.Any<CancellationToken>())
            .Returns(call => Task.FromResult(Evaluate(store, call.Arg<ISpecification<T>>()).FirstOrDefault()));
        repository.ListAsync(Arg.Any<ISpecification<T>>(), Arg.Any<CancellationToken>())
            .Returns(call => Task.FromResult(Evaluate(store, call.Arg<ISpecification<T>>()).ToList()));
        repository.AnyAsync(Arg.Any<ISpecification<T>>(), Arg.Any<CancellationToken>())
            .Returns(call => Task.FromResult(Evaluate(store, call.Arg<ISpecification<T>>()).Any()));
        repository.CountAsync(Arg.Any<ISpecification<T>>(), Arg.Any<CancellationToken>())
            .Returns(call => Task.FromResult(Evaluate(store, call.Arg<ISpecification<T>>()).Count()));
        repository.When(r => r.Add(Arg.Any<T>())).Do(call => store.Add(call.Arg<T>()));
        repository.When(r => r.Remove(Arg.Any<T>())).Do(call => store.Remove(call.Arg<T>()));
        repository.DeleteAsync(Arg.Any<ISpecification<T>>(), Arg.Any<CancellationToken>())
            .Returns(call =>
            {
                var matches = Evaluate(store, call.Arg<ISpecification<T>>()).ToList();
                store.RemoveAll(matches.Contains);
                return Task.FromResult(matches.Count);
            });
        return repository;
    }

    /// <summary>Also answers projecting specifications of one result type, as the EF evaluator's <c>ProjectToType</c> would.</summary>
    public static IRepository<T> Projecting<T, TResult>(this IRepository<T> repository, List<T> store)
        where T : class, IAggregateRoot
    {
        repository.FirstOrDefaultAsync(Arg.Any<ISpecification<T, TResult>>(), Arg.Any<CancellationToken>())
            .Returns(call => Task.FromResult(Project(Evaluate(store, call.Arg<ISpecification<T, TResult>>()), call.Arg<ISpecification<T, TResult>>()).FirstOrDefault()));
        repository.ListAsync(Arg.Any<ISpecification<T, TResult>>(), Arg.Any<CancellationToken>())
            .Returns(call => Task.FromResult(Project(Evaluate(store, call.Arg<ISpecification<T, TResult>>()), call.Arg<ISpecification<T, TResult>>()).ToList()));
        return repository;
    }

    /// <summary>Ardalis's in-memory evaluator: criteria, order, skip/take (a skip of 0 is a no-op in memory).</summary>
    private static IEnumerable<T> Evaluate<T>(IEnumerable<T> source, ISpecification<T> specification)
        where T : class => specification.Evaluate(source);

    private static IEnumerable<TResult> Project<T, TResult>(IEnumerable<T> source, ISpecification<T, TResult> specification)
        where T : class =>
        specification.Selector is { } selector ? source.Select(selector.Compile()) : source.Select(item => item.Adapt<TResult>(Mapping));
}
