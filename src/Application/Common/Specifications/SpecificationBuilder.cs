using System.Linq.Expressions;

namespace RiskPlatform.Application.Common.Specifications;

/// <summary>The fluent surface a specification's constructor uses: <c>Query.Where(...).OrderByDescending(...).Take(50)</c>.</summary>
public sealed class SpecificationBuilder<T>
    where T : class
{
    private readonly Specification<T> _specification;

    internal SpecificationBuilder(Specification<T> specification) => _specification = specification;

    public SpecificationBuilder<T> Where(Expression<Func<T, bool>> criteria)
    {
        _specification.AddCriteria(criteria);
        return this;
    }

    public SpecificationBuilder<T> OrderBy(Expression<Func<T, object?>> keySelector)
    {
        _specification.AddOrder(new OrderExpression<T>(keySelector, Descending: false));
        return this;
    }

    public SpecificationBuilder<T> OrderByDescending(Expression<Func<T, object?>> keySelector)
    {
        _specification.AddOrder(new OrderExpression<T>(keySelector, Descending: true));
        return this;
    }

    public SpecificationBuilder<T> Include<TProperty>(Expression<Func<T, TProperty>> navigation)
    {
        _specification.AddInclude(navigation);
        return this;
    }

    public SpecificationBuilder<T> Skip(int skip)
    {
        _specification.SetSkip(skip);
        return this;
    }

    public SpecificationBuilder<T> Take(int take)
    {
        _specification.SetTake(take);
        return this;
    }

    public SpecificationBuilder<T> Page(int limit, int offset) => Skip(offset).Take(limit);
}
