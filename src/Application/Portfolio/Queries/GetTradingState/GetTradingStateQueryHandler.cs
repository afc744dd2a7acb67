using MediatR;
using RiskPlatform.Application.Common.Interfaces;
using RiskPlatform.Application.Portfolio.Common;
using RiskPlatform.Application.Portfolio.Specifications;
using RiskPlatform.Domain.Portfolio;

namespace RiskPlatform.Application.Portfolio.Queries.GetTradingState;

internal sealed class GetTradingStateQueryHandler(IReadRepository<PortfolioState> states, ICurrentUser currentUser)
    : IRequestHandler<GetTradingStateQuery, TradingStateDto>
{
    public async Task<TradingStateDto> Handle(GetTradingStateQuery request, CancellationToken cancellationToken) =>
        TradingStateDto.From(await states.FirstOrDefaultAsync(new PortfolioStateForUserSpec(currentUser.RequireUserId()), cancellationToken));
}
