using System.Linq.Expressions;

namespace RiskPlatform.Application.Common.Specifications;

public sealed record OrderExpression<T>(Expression<Func<T, object?>> KeySelector, bool Descending);
