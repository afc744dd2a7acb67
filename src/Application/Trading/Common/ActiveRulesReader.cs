using RiskPlatform.Application.Common.Actors;
using RiskPlatform.Application.Common.Interfaces;
using RiskPlatform.Application.Trading.Specifications;
using RiskPlatform.Domain.RiskRules;

namespace RiskPlatform.Application.Trading.Common;

/// <summary>
/// The account's active rules as the pre-trade path and the monitor judge by them: on the account's actor from its memory
/// (<see cref="AccountMemoryPart.ActiveRules"/>: reads, and commands that leave the rules unchanged), otherwise from the
/// database. The one loader of that part, so every user of it remembers the same rows. The rules are untracked and may be
/// shared between calls: never change them.
/// </summary>
internal sealed class ActiveRulesReader(AccountActorCall actorCall, IReadRepository<RiskRule> rules)
{
    public Task<IReadOnlyList<RiskRule>> ActiveAsync(Guid userId, CancellationToken cancellationToken) =>
        actorCall.RecallAsync<IReadOnlyList<RiskRule>>(
            userId,
            AccountMemoryPart.ActiveRules,
            async token => await rules.ListAsync(new ActiveRiskRulesForUserSpec(userId), token),
            cancellationToken);
}
