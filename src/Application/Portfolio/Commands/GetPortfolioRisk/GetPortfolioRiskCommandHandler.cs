using MediatR;
using Microsoft.Extensions.Options;
using RiskPlatform.Application.Common.Auditing;
using RiskPlatform.Application.Common.Interfaces;
using RiskPlatform.Application.Portfolio.Common;
using RiskPlatform.Application.Trading.Common;
using RiskPlatform.Application.Trading.Specifications;
using RiskPlatform.Domain.Portfolio;
using RiskPlatform.Domain.RiskRules;
using RiskPlatform.Domain.Trading.Orders;

namespace RiskPlatform.Application.Portfolio.Commands.GetPortfolioRisk;

internal sealed class GetPortfolioRiskCommandHandler(
    IRepository<PortfolioState> states,
    IRepository<EquitySnapshot> equityHistory,
    IReadRepository<RiskRule> rules,
    IReadRepository<Order> orders,
    IBrokerGateway broker,
    ITradingLock tradingLock,
    ICurrentUser currentUser,
    IOptions<RiskCheckOptions> options,
    AuditScope audit,
    TimeProvider timeProvider) : IRequestHandler<GetPortfolioRiskCommand, PortfolioRiskDto>
{
    public async Task<PortfolioRiskDto> Handle(GetPortfolioRiskCommand request, CancellationToken cancellationToken)
    {
        var userId = currentUser.RequireUserId();
        await tradingLock.AcquireAsync(userId, cancellationToken);
        var now = timeProvider.GetUtcNow().UtcDateTime;
        var active = await rules.ListAsync(new ActiveRiskRulesForUserSpec(userId), cancellationToken);
        var (snapshot, account) = await PreTradeSnapshot.LoadAsync(
            broker, orders, userId, null, active, now, options.Value.MaxQuoteAge, cancellationToken);
        var state = await PortfolioStateStore.LoadOrCreateAsync(states, equityHistory, userId, account, now, cancellationToken);

        audit.Target("portfolio_state", state.Id).Describe("Marked the portfolio state and computed portfolio risk");
        var metrics = PortfolioMetrics.Compute(PreTradeSnapshot.WithPortfolioState(snapshot, state), state, active);
        return PortfolioRiskDto.From(metrics);
    }
}
