using MediatR;
using RiskPlatform.Application.Common.Interfaces;
using RiskPlatform.Application.Portfolio.Common;
using RiskPlatform.Application.Portfolio.Specifications;
using RiskPlatform.Domain.Portfolio.Calendar;
using RiskPlatform.Domain.Portfolio.State;

namespace RiskPlatform.Application.Portfolio.Queries.GetTradingDayConvention;

internal sealed class GetTradingDayConventionQueryHandler(
    IReadRepository<PortfolioState> states,
    ICurrentUser currentUser,
    TimeProvider timeProvider) : IRequestHandler<GetTradingDayConventionQuery, TradingDayConventionDto>
{
    public async Task<TradingDayConventionDto> Handle(GetTradingDayConventionQuery request, CancellationToken cancellationToken)
    {
        var state = await states.FirstOrDefaultAsync(new PortfolioStateForUserSpec(currentUser.RequireUserId()), cancellationToken);
        return TradingDayConventionDto.At(state?.Convention ?? TradingDayConvention.UsEquities, timeProvider.GetUtcNow().UtcDateTime);
    }
}
