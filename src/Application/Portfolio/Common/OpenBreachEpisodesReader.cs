using RiskPlatform.Application.Common.Actors;
using RiskPlatform.Application.Common.Interfaces;
using RiskPlatform.Application.Portfolio.Specifications;
using RiskPlatform.Domain.Portfolio.Monitoring;
using RiskPlatform.Domain.Portfolio;

namespace RiskPlatform.Application.Portfolio.Common;

/// <summary>
/// The account's open breach episodes as the monitor's screen reads them: on a read on the account's actor from its memory
/// (<see cref="AccountMemoryPart.OpenBreachEpisodes"/>), otherwise from the database. The episodes are untracked and may be
/// shared between reads: never change them (the monitor's run loads its own, tracked).
/// </summary>
internal sealed class OpenBreachEpisodesReader(AccountActorCall actorCall, IReadRepository<BreachEpisode> episodes)
{
    public Task<IReadOnlyList<BreachEpisode>> OpenAsync(Guid userId, CancellationToken cancellationToken) =>
        actorCall.RecallAsync<IReadOnlyList<BreachEpisode>>(
            userId,
            AccountMemoryPart.OpenBreachEpisodes,
            async token => await episodes.ListAsync(new OpenBreachEpisodesOfUserSpec(userId), token),
            cancellationToken);
}
