using System.Linq.Expressions;
using System.Reflection;
using Ardalis.Specification;
using Mapster;
using Microsoft.EntityFrameworkCore;

namespace RiskPlatform.Infrastructure.Persistence.Repositories;

/// <summary>
/// The one place an Ardalis.Specification <see cref="ISpecification{T}"/> becomes an EF Core query (Ardalis's own
/// EntityFrameworkCore evaluator is not served). It applies includes (member paths, filtered collections, strings), the
/// tracking, split-query, query-filter and auto-include flags, query tags, criteria, ordering, paging and the projection,
/// and refuses (<see cref="NotSupportedException"/>) what it would otherwise get wrong or skip silently:
/// <c>ThenInclude</c>, <c>Search</c>, <c>SelectMany</c>, post-processing actions and caching.
/// </summary>
internal static class SpecificationEvaluator
{
    private static readonly MethodInfo IncludeExpressionMethod = typeof(EntityFrameworkQueryableExtensions)
        .GetMethods(BindingFlags.Public | BindingFlags.Static)
        .Single(m => m.Name == nameof(EntityFrameworkQueryableExtensions.Include)
            && m.GetGenericArguments().Length == 2
            && m.GetParameters()[1].ParameterType.IsGenericType);

    public static IQueryable<T> Apply<T>(IQueryable<T> source, ISpecification<T> specification)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(specification);
        if (specification.SearchCriterias.Any() || specification.PostProcessingAction is not null || specification.CacheEnabled)
        {
            throw Unsupported(specification, "Search, a post-processing action or caching");
        }

        var query = WithOptions(Include(source, specification), specification);
        query = WhereEvaluator.Instance.GetQuery(query, specification);
        query = OrderEvaluator.Instance.GetQuery(query, specification);

        // Skip and Take go to EF whenever they are set, 0 included (Ardalis's PaginationEvaluator leaves out a skip of 0): the
        // SQL text is then the same for every page, and EF sends both as parameters — LIMIT @p OFFSET @p0, one cached plan.
        if (specification.Skip >= 0)
        {
            query = query.Skip(specification.Skip);
        }

        return specification.Take >= 0 ? query.Take(specification.Take) : query;
    }

    /// <summary>The query with the specification's selector, or without one, projected with the DTO's Mapster configuration.</summary>
    public static IQueryable<TResult> Apply<T, TResult>(IQueryable<T> source, ISpecification<T, TResult> specification, TypeAdapterConfig mapping)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(specification);
        if (specification.SelectorMany is not null || specification.PostProcessingAction is not null)
        {
            throw Unsupported(specification, "SelectMany or a post-processing action");
        }

        var query = Apply(source, (ISpecification<T>)specification);
        return specification.Selector is { } selector ? query.Select(selector) : query.ProjectToType<TResult>(mapping);
    }

    private static IQueryable<T> Include<T>(IQueryable<T> query, ISpecification<T> specification)
        where T : class
    {
        foreach (var includeString in specification.IncludeStrings)
        {
            query = query.Include(includeString);
        }

        // A member path (x => x.Children.Items) becomes a string path; a filtered include (x => x.Children.Where(...)) is
        // passed to EF as it is. No entity here has a navigation below a navigation, so ThenInclude is refused, not guessed.
        foreach (var include in specification.IncludeExpressions)
        {
            var lambda = include.LambdaExpression;
            if (include.Type != IncludeTypeEnum.Include)
            {
                throw Unsupported(specification, $"ThenInclude ('{lambda}')");
            }

            query = lambda.Body is MethodCallExpression
                ? (IQueryable<T>)IncludeExpressionMethod.MakeGenericMethod(typeof(T), lambda.ReturnType).Invoke(null, [query, lambda])!
                : query.Include(MemberPath(lambda));
        }

        return query;
    }

    private static IQueryable<T> WithOptions<T>(IQueryable<T> query, ISpecification<T> specification)
        where T : class
    {
        if (specification.AsNoTracking)
        {
            query = query.AsNoTracking();
        }
        else if (specification.AsNoTrackingWithIdentityResolution)
        {
            query = query.AsNoTrackingWithIdentityResolution();
        }
        else if (specification.AsTracking)
        {
            query = query.AsTracking();
        }

        if (specification.AsSplitQuery)
        {
            query = query.AsSplitQuery();
        }

        if (specification.IgnoreQueryFilters)
        {
            query = query.IgnoreQueryFilters();
        }

        if (specification.IgnoreAutoIncludes)
        {
            query = query.IgnoreAutoIncludes();
        }

        foreach (var tag in specification.QueryTags)
        {
            query = query.TagWith(tag);
        }

        return query;
    }

    private static string MemberPath(LambdaExpression include)
    {
        var members = new Stack<string>();
        var expression = include.Body;
        while (expression is MemberExpression member)
        {
            members.Push(member.Member.Name);
            expression = member.Expression;
        }

        if (expression is not ParameterExpression || members.Count == 0)
        {
            throw new NotSupportedException($"Include supports member paths such as x => x.Children.Items or a filtered collection such as x => x.Children.Where(...), not '{include}'.");
        }

        return string.Join('.', members);
    }

    private static NotSupportedException Unsupported(object specification, string feature) =>
        new($"{specification.GetType().Name} uses {feature}, which the specification evaluator does not support.");
}
