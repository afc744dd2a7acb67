using MediatR;
using RiskPlatform.Application.Common.Interfaces;
using RiskPlatform.Application.Trading.Common;
using RiskPlatform.Domain.Portfolio.Metrics;

namespace RiskPlatform.Application.Portfolio.Queries.GetPortfolioRisk;

internal sealed class GetPortfolioRiskQueryHandler(
    PreTradeContextLoader contexts,
    ICurrentUser currentUser,
    TimeProvider timeProvider) : IRequestHandler<GetPortfolioRiskQuery, PortfolioRiskDto>
{
    public async Task<PortfolioRiskDto> Handle(GetPortfolioRiskQuery request, CancellationToken cancellationToken)
    {
        var context = await contexts.LoadAsync(currentUser.RequireUserId(), symbol: null, timeProvider.GetUtcNow().UtcDateTime, cancellationToken);
        return PortfolioRiskDto.From(PortfolioMetrics.Compute(context.Snapshot, context.State, context.Rules));
    }
}
