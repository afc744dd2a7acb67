using System.Linq.Expressions;

namespace RiskPlatform.Application.Common.Specifications;

/// <summary>
/// A specification that returns a projection. Without an explicit <see cref="Selector"/> the evaluator projects
/// with Mapster (<c>ProjectToType</c>), so the DTO's <c>IRegister</c> decides the shape and only its columns are read.
/// </summary>
public abstract class Specification<T, TResult> : Specification<T>
    where T : class
{
    public Expression<Func<T, TResult>>? Selector { get; private set; }

    protected void Select(Expression<Func<T, TResult>> selector) => Selector = selector;
}
