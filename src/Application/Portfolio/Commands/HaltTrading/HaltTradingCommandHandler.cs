using RiskPlatform.Application.Common.Actors;
using MediatR;
using RiskPlatform.Application.Common.Auditing;
using RiskPlatform.Application.Common.Interfaces;
using RiskPlatform.Application.Portfolio.Common;
using RiskPlatform.Domain.Portfolio.Equity;
using RiskPlatform.Domain.Portfolio.State;

namespace RiskPlatform.Application.Portfolio.Commands.HaltTrading;

/// <summary>Marks the state with the current equity (creating it on first use), then halts it.</summary>
internal sealed class HaltTradingCommandHandler(
    AccountChanges changes,
    IRepository<PortfolioState> states,
    IRepository<EquitySnapshot> equityHistory,
    EquityPointSampler equityPoints,
    PortfolioMarkPushQueue markPushes,
    IBrokerGateway broker,
    ITradingLock tradingLock,
    ICurrentUser currentUser,
    AuditScope audit,
    TimeProvider timeProvider) : IRequestHandler<HaltTradingCommand, TradingStateDto>
{
    public async Task<TradingStateDto> Handle(HaltTradingCommand request, CancellationToken cancellationToken)
    {
        var userId = currentUser.RequireUserId();
        await tradingLock.AcquireAsync(userId, cancellationToken);
        var now = timeProvider.GetUtcNow().UtcDateTime;
        var account = await broker.GetAccountAsync(userId, cancellationToken);
        var state = await PortfolioStateMarking.LoadOrCreateAsync(changes, states, equityHistory, equityPoints, userId, account, now, cancellationToken);
        var reason = string.IsNullOrWhiteSpace(request.Reason) ? HaltTradingCommand.DefaultReason : request.Reason;
        var changed = state.Halt(reason, now);
        audit.Target("portfolio_state", state.Id).Describe(changed ? $"Halted trading: {reason}" : "Halt requested; trading was already halted");
        markPushes.Marked(state, account);
        return TradingStateDto.From(state);
    }
}
