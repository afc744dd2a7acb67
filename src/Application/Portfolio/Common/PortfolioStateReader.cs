using RiskPlatform.Application.Common.Actors;
using RiskPlatform.Application.Common.Interfaces;
using RiskPlatform.Application.Portfolio.Specifications;
using RiskPlatform.Domain.Portfolio.State;

namespace RiskPlatform.Application.Portfolio.Common;

/// <summary>
/// The stored portfolio state as the account reads see it: on a read on the account's actor from its memory
/// (<see cref="AccountMemoryPart.PortfolioState"/>), otherwise from the database. The one loader of that part, so every reader
/// of it remembers the same row. The state is untracked and may be shared between reads: mark a <see cref="PortfolioState.Copy"/>,
/// never the state itself.
/// </summary>
internal sealed class PortfolioStateReader(AccountActorCall actorCall, IReadRepository<PortfolioState> states)
{
    public Task<PortfolioState?> StoredAsync(Guid userId, CancellationToken cancellationToken) =>
        actorCall.RecallAsync(
            userId,
            AccountMemoryPart.PortfolioState,
            token => states.FirstOrDefaultAsync(new PortfolioStateForUserSpec(userId), token),
            cancellationToken);
}
