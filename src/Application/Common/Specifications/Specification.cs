using System.Linq.Expressions;

namespace RiskPlatform.Application.Common.Specifications;

/// <summary>
/// A named query: criteria, ordering, paging and includes, built in the constructor through <see cref="Query"/>.
/// The same shape as Ardalis.Specification (not served by our package source); one evaluator in Infrastructure runs it.
/// </summary>
public abstract class Specification<T>
    where T : class
{
    private readonly List<Expression<Func<T, bool>>> _criteria = [];
    private readonly List<OrderExpression<T>> _orderBy = [];
    private readonly List<LambdaExpression> _includes = [];

    protected Specification() => Query = new SpecificationBuilder<T>(this);

    public IReadOnlyList<Expression<Func<T, bool>>> Criteria => _criteria;

    public IReadOnlyList<OrderExpression<T>> OrderBy => _orderBy;

    public IReadOnlyList<LambdaExpression> Includes => _includes;

    public int? Skip { get; private set; }

    public int? Take { get; private set; }


    protected SpecificationBuilder<T> Query { get; }

    /// <summary>Evaluates the criteria in memory (for tests and for checks on an already loaded aggregate).</summary>
    public bool IsSatisfiedBy(T candidate) => _criteria.All(c => c.Compile()(candidate));

    internal void AddCriteria(Expression<Func<T, bool>> criteria) => _criteria.Add(criteria);

    internal void AddOrder(OrderExpression<T> order) => _orderBy.Add(order);

    internal void AddInclude(LambdaExpression include) => _includes.Add(include);

    internal void SetSkip(int skip) => Skip = skip;

    internal void SetTake(int take) => Take = take;

}
