using System.Linq.Expressions;
using System.Reflection;
using Mapster;
using Microsoft.EntityFrameworkCore;
using RiskPlatform.Application.Common.Specifications;

namespace RiskPlatform.Infrastructure.Persistence.Repositories;

/// <summary>The one place a <see cref="Specification{T}"/> becomes a LINQ query.</summary>
internal static class SpecificationEvaluator
{
    private static readonly MethodInfo IncludeExpressionMethod = typeof(EntityFrameworkQueryableExtensions)
        .GetMethods(BindingFlags.Public | BindingFlags.Static)
        .Single(m => m.Name == nameof(EntityFrameworkQueryableExtensions.Include)
            && m.GetGenericArguments().Length == 2
            && m.GetParameters()[1].ParameterType.IsGenericType);

    public static IQueryable<T> Apply<T>(IQueryable<T> source, Specification<T> specification)
        where T : class
    {
        var query = source;
        foreach (var include in specification.Includes)
        {
            // A member path (x => x.Children.Items) becomes a string path; a filtered include (x => x.Children.Where(...))
            // is passed to EF as it is.
            query = include.Body is MethodCallExpression
                ? (IQueryable<T>)IncludeExpressionMethod.MakeGenericMethod(typeof(T), include.ReturnType).Invoke(null, [query, include])!
                : query.Include(NavigationPath(include));
        }

        foreach (var criteria in specification.Criteria)
        {
            query = query.Where(criteria);
        }

        IOrderedQueryable<T>? ordered = null;
        foreach (var order in specification.OrderBy)
        {
            ordered = (ordered, order.Descending) switch
            {
                (null, false) => query.OrderBy(order.KeySelector),
                (null, true) => query.OrderByDescending(order.KeySelector),
                (_, false) => ordered.ThenBy(order.KeySelector),
                (_, true) => ordered.ThenByDescending(order.KeySelector),
            };
        }

        query = ordered ?? query;
        if (specification.Skip is { } skip)
        {
            query = query.Skip(skip);
        }

        if (specification.Take is { } take)
        {
            query = query.Take(take);
        }

        return query;
    }

    public static IQueryable<TResult> Apply<T, TResult>(IQueryable<T> source, Specification<T, TResult> specification, TypeAdapterConfig mapping)
        where T : class
    {
        var query = Apply(source, (Specification<T>)specification);
        return specification.Selector is { } selector ? query.Select(selector) : query.ProjectToType<TResult>(mapping);
    }

    private static string NavigationPath(LambdaExpression include)
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
}
