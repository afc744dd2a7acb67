using System.Linq.Expressions;

namespace RiskPlatform.Application.Common.Specifications;

/// <summary>
/// A specification that returns a projection. Without an explicit <see cref="Selector"/> the evaluator projects
/// with Mapster (<c>ProjectToType</c>), so the DTO's <c>IRegister</c> decides the shape and only its columns are read;
/// with <see cref="MapAfterReading"/> it reads the rows as entities and maps them with the same configuration.
/// </summary>
public abstract class Specification<T, TResult> : Specification<T>
    where T : class
{
    public Expression<Func<T, TResult>>? Selector { get; private set; }

    /// <summary>True when the rows are read whole and mapped in memory (see <see cref="MapAfterReading"/>).</summary>
    public bool MapsAfterReading { get; private set; }

    protected void Select(Expression<Func<T, TResult>> selector)
    {
        EnsureOneWayToProject(selecting: true);
        Selector = selector;
    }

    /// <summary>
    /// Reads the rows as entities and maps them in memory with the DTO's Mapster configuration, instead of projecting in SQL.
    /// For a hot read whose DTO carries (nearly) every column and no navigation: EF prepares a projection's expression tree
    /// again on every call (parameter extraction and the query-cache key walk the whole member-init), which for a wide DTO
    /// cost more CPU than reading the row (docs/PERFORMANCE.md, "Where a read's CPU goes"). The mapping must read no
    /// navigation property: nothing is included.
    /// </summary>
    protected void MapAfterReading()
    {
        EnsureOneWayToProject(selecting: false);
        MapsAfterReading = true;
    }

    /// <summary>A selector is an SQL projection and mapping after reading skips it: a specification chooses one.</summary>
    private void EnsureOneWayToProject(bool selecting)
    {
        if (selecting ? MapsAfterReading : Selector is not null)
        {
            throw new InvalidOperationException($"{GetType().Name} both selects in SQL and maps after reading; choose one.");
        }
    }
}
