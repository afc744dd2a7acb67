using Ardalis.Specification;
using RiskPlatform.Domain.Portfolio.Monitoring;

namespace RiskPlatform.Application.Portfolio.Specifications;

/// <summary>The user's episodes with these ids (the episodes of one page of breaches).</summary>
public sealed class BreachEpisodesByIdsSpec : Specification<BreachEpisode>
{
    public BreachEpisodesByIdsSpec(Guid userId, IReadOnlyCollection<Guid> ids) =>
        Query.Where(e => e.UserId == userId && ids.Contains(e.Id));
}
