using MediatR;
using RiskPlatform.Application.Common.Interfaces;
using RiskPlatform.Application.Portfolio.Common;

namespace RiskPlatform.Application.Portfolio.Queries.GetTradingState;

/// <summary>The stored state as in effect now: a lapsed reducing window reads as active (nothing is written by the query).</summary>
internal sealed class GetTradingStateQueryHandler(PortfolioStateReader states, ICurrentUser currentUser, TimeProvider timeProvider)
    : IRequestHandler<GetTradingStateQuery, TradingStateDto>
{
    public async Task<TradingStateDto> Handle(GetTradingStateQuery request, CancellationToken cancellationToken) =>
        TradingStateDto.At(
            await states.StoredAsync(currentUser.RequireUserId(), cancellationToken),
            timeProvider.GetUtcNow().UtcDateTime);
}
