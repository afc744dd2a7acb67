using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;

namespace RiskPlatform.Infrastructure.Persistence;

/// <summary>
/// A hot query compiled with <see cref="EF.CompileAsyncQuery{TContext, TResult}(System.Linq.Expressions.Expression{Func{TContext, TResult}})"/>
/// (it skips the translation-cache lookup, which walks and hashes the expression tree on every execution), once per EF Core
/// model: EF Core refuses to run a compiled query against another model than its first, and one process may hold several
/// (a provider each; the tests' many hosts). A compiled query is kept only as long as its model.
/// </summary>
internal sealed class CompiledPerModel<TQuery>(Func<TQuery> compile)
    where TQuery : class
{
    private readonly ConditionalWeakTable<IModel, TQuery> _byModel = [];

    public TQuery For(DbContext context) => _byModel.GetValue(context.Model, _ => compile());
}
