using MediatR;
using RiskPlatform.Application.Common.Exceptions;
using RiskPlatform.Application.Common.Interfaces;
using RiskPlatform.Application.Portfolio.Specifications;
using RiskPlatform.Application.RiskRules.Specifications;
using RiskPlatform.Domain.Portfolio.Monitoring;
using RiskPlatform.Domain.RiskRules;

namespace RiskPlatform.Application.RiskRules.Queries.ListRiskRuleBreaches;

/// <summary>
/// The caller's own rule: its history. Another user's rule: not found. No such rule (deleted): the caller's surviving history of it,
/// or not found when there is none. Breaches that opened a monitor episode carry the episode's start, end, worst value and action
/// (read in one more query for the page).
/// </summary>
internal sealed class ListRiskRuleBreachesQueryHandler(
    IReadRepository<RiskRule> rules,
    IReadRepository<RiskBreach> breaches,
    IReadRepository<BreachEpisode> episodes,
    ICurrentUser currentUser) : IRequestHandler<ListRiskRuleBreachesQuery, IReadOnlyList<RiskBreachDto>>
{
    public async Task<IReadOnlyList<RiskBreachDto>> Handle(ListRiskRuleBreachesQuery request, CancellationToken cancellationToken)
    {
        var userId = currentUser.RequireUserId();
        var rule = await rules.FirstOrDefaultAsync(new RiskRuleByIdSpec(request.RuleId), cancellationToken);
        if (rule is not null && rule.UserId != userId)
        {
            throw new NotFoundException("Risk rule", request.RuleId, belongsToAnotherUser: true);
        }

        if (rule is null && !await breaches.AnyAsync(new AnyBreachOfRiskRuleSpec(userId, request.RuleId), cancellationToken))
        {
            throw new NotFoundException("Risk rule", request.RuleId);
        }

        var page = await breaches.ListAsync(new BreachesOfRiskRuleSpec(userId, request.RuleId, request.Limit, request.Offset), cancellationToken);
        var episodeIds = page.Where(b => b.EpisodeId is not null).Select(b => b.EpisodeId!.Value).Distinct().ToList();
        if (episodeIds.Count == 0)
        {
            return page;
        }

        var found = (await episodes.ListAsync(new BreachEpisodesByIdsSpec(userId, episodeIds), cancellationToken)).ToDictionary(e => e.Id);
        return [.. page.Select(b => b.EpisodeId is { } id && found.TryGetValue(id, out var episode) ? b.WithEpisode(episode) : b)];
    }
}
