using Ardalis.Specification;

namespace RiskPlatform.Application.Common.Specifications;

/// <summary>
/// <c>Query.MapAfterReading()</c>: a projection specification whose rows are read as untracked entities and mapped in memory
/// with the DTO's Mapster configuration, instead of projected in SQL. Ardalis.Specification has no such mode (its
/// <c>PostProcessingAction</c> runs on results, after the projection), so it is kept as a mark in the specification's
/// <see cref="ISpecification{T}.Items"/> that the repository reads.
/// </summary>
public static class MapAfterReadingExtensions
{
    private const string Key = "RiskPlatform.MapAfterReading";

    /// <summary>
    /// Reads the rows as entities and maps them in memory with the DTO's Mapster configuration, instead of projecting in SQL.
    /// For a hot read whose DTO carries (nearly) every column and no navigation: EF prepares a projection's expression tree
    /// again on every call (parameter extraction and the query-cache key walk the whole member-init), which for a wide DTO
    /// cost more CPU than reading the row (docs/PERFORMANCE.md, "Where a read's CPU goes"). The mapping must read no
    /// navigation property: nothing is included. A selector is an SQL projection that mapping after reading would skip, so
    /// a specification chooses one: this throws when it already selects.
    /// </summary>
    public static void MapAfterReading<T, TResult>(this ISpecificationBuilder<T, TResult> builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var specification = builder.Specification;
        EnsureNothingElseProjects(specification);
        specification.Items[Key] = true;
    }

    /// <summary>
    /// True when the specification maps after reading. Throws when it also selects (a <c>Query.Select</c> called after
    /// <c>Query.MapAfterReading()</c>, which Ardalis's builder cannot refuse) or post-processes its results: reading entities
    /// and mapping them would skip either without a word.
    /// </summary>
    public static bool MapsAfterReading<T, TResult>(this ISpecification<T, TResult> specification)
    {
        ArgumentNullException.ThrowIfNull(specification);
        if (!specification.Items.ContainsKey(Key))
        {
            return false;
        }

        EnsureNothingElseProjects(specification);
        return true;
    }

    private static void EnsureNothingElseProjects<T, TResult>(ISpecification<T, TResult> specification)
    {
        if (specification.Selector is not null || specification.SelectorMany is not null)
        {
            throw new InvalidOperationException($"{specification.GetType().Name} both selects in SQL and maps after reading; choose one.");
        }

        if (specification.PostProcessingAction is not null)
        {
            throw new InvalidOperationException($"{specification.GetType().Name} maps after reading, which does not run post-processing actions.");
        }
    }
}
