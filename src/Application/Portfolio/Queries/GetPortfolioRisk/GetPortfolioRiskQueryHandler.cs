using MediatR;
using Microsoft.Extensions.Options;
using RiskPlatform.Application.Common.Interfaces;
using RiskPlatform.Application.Portfolio.Common;
using RiskPlatform.Application.Trading.Common;
using RiskPlatform.Application.Trading.Specifications;
using RiskPlatform.Domain.Portfolio;
using RiskPlatform.Domain.RiskRules;
using RiskPlatform.Domain.Trading.Orders;

namespace RiskPlatform.Application.Portfolio.Queries.GetPortfolioRisk;

internal sealed class GetPortfolioRiskQueryHandler(
    IReadRepository<PortfolioState> states,
    IReadRepository<RiskRule> rules,
    IReadRepository<Order> orders,
    IBrokerGateway broker,
    ICurrentUser currentUser,
    IOptions<RiskCheckOptions> options,
    TimeProvider timeProvider) : IRequestHandler<GetPortfolioRiskQuery, PortfolioRiskDto>
{
    public async Task<PortfolioRiskDto> Handle(GetPortfolioRiskQuery request, CancellationToken cancellationToken)
    {
        var userId = currentUser.RequireUserId();
        var now = timeProvider.GetUtcNow().UtcDateTime;
        var active = await rules.ListAsync(new ActiveRiskRulesForUserSpec(userId), cancellationToken);
        var (loaded, account) = await PreTradeSnapshot.LoadAsync(
            broker, orders, userId, null, active, now, options.Value.MaxQuoteAge, cancellationToken);

        // The baselines the next order would meet; a user without a state yet is judged on one seeded from the broker.
        var (snapshot, state) = await PortfolioStateGate.ApplyForQueryAsync(states, loaded, account, userId, now, cancellationToken);
        state ??= PortfolioStateStore.MarkInMemory(null, userId, account, now);
        var metrics = PortfolioMetrics.Compute(PreTradeSnapshot.WithPortfolioState(snapshot, state), state, active);
        return PortfolioRiskDto.From(metrics);
    }
}
