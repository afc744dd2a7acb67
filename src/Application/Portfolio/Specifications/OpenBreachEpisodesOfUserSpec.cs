using Ardalis.Specification;
using RiskPlatform.Domain.Portfolio.Monitoring;

namespace RiskPlatform.Application.Portfolio.Specifications;

/// <summary>A user's open breach episodes, tracked, oldest first (served by ix_breach_episodes_user_open).</summary>
public sealed class OpenBreachEpisodesOfUserSpec : Specification<BreachEpisode>
{
    public OpenBreachEpisodesOfUserSpec(Guid userId) =>
        Query.Where(e => e.UserId == userId && e.EndedAt == null).OrderBy(e => e.StartedAt).ThenBy(e => e.Id);
}
