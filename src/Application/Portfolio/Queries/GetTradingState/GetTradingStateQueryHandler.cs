using MediatR;
using RiskPlatform.Application.Common.Actors;
using RiskPlatform.Application.Common.Interfaces;
using RiskPlatform.Application.Portfolio.Common;
using RiskPlatform.Application.Portfolio.Specifications;
using RiskPlatform.Domain.Portfolio;

namespace RiskPlatform.Application.Portfolio.Queries.GetTradingState;

/// <summary>The stored state as in effect now: a lapsed reducing window reads as active (nothing is written by the query).</summary>
internal sealed class GetTradingStateQueryHandler(
    AccountActorCall actorCall, IReadRepository<PortfolioState> states, ICurrentUser currentUser, TimeProvider timeProvider)
    : IRequestHandler<GetTradingStateQuery, TradingStateDto>
{
    public async Task<TradingStateDto> Handle(GetTradingStateQuery request, CancellationToken cancellationToken)
    {
        var userId = currentUser.RequireUserId();
        var state = await actorCall.RecallAsync(
            userId,
            AccountMemoryPart.PortfolioState,
            token => states.FirstOrDefaultAsync(new PortfolioStateForUserSpec(userId), token),
            cancellationToken);
        return TradingStateDto.At(state, timeProvider.GetUtcNow().UtcDateTime);
    }
}
