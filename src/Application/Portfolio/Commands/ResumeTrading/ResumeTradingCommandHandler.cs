using RiskPlatform.Application.Common.Actors;
using MediatR;
using RiskPlatform.Application.Common.Auditing;
using RiskPlatform.Application.Common.Interfaces;
using RiskPlatform.Application.Portfolio.Common;
using RiskPlatform.Application.Portfolio.Specifications;
using RiskPlatform.Domain.Common;
using RiskPlatform.Domain.Portfolio.Equity;
using RiskPlatform.Domain.Portfolio.State;
using RiskPlatform.Domain.Portfolio;

namespace RiskPlatform.Application.Portfolio.Commands.ResumeTrading;

/// <summary>
/// Marks the state with the current equity, then resumes (so the re-baselined high-water mark is today's equity). A user without
/// a state has never been halted: 409 like any other non-halted state, without calling the broker.
/// </summary>
internal sealed class ResumeTradingCommandHandler(
    AccountChanges changes,
    IRepository<PortfolioState> states,
    IRepository<EquitySnapshot> equityHistory,
    EquityPointSampler equityPoints,
    PortfolioMarkPushQueue markPushes,
    IBrokerGateway broker,
    ITradingLock tradingLock,
    ICurrentUser currentUser,
    AuditScope audit,
    TimeProvider timeProvider) : IRequestHandler<ResumeTradingCommand, TradingStateDto>
{
    public async Task<TradingStateDto> Handle(ResumeTradingCommand request, CancellationToken cancellationToken)
    {
        var userId = currentUser.RequireUserId();
        await tradingLock.AcquireAsync(userId, cancellationToken);
        var now = timeProvider.GetUtcNow().UtcDateTime;
        var state = await PortfolioStateMarking.LoadForChangeAsync(changes, states, userId, cancellationToken)
            ?? throw new ConflictException(PortfolioErrors.TradingNotHalted, "Trading is active, not halted.");
        audit.Target("portfolio_state", state.Id);
        if (state.TradingState != TradingState.Halted)
        {
            // Throws the domain's 409 (TRADING_NOT_HALTED) before any broker call.
            state.Resume(now);
        }

        var account = await broker.GetAccountAsync(userId, cancellationToken);
        PortfolioStateMarking.Mark(state, equityHistory, equityPoints, account, now);
        state.Resume(now);
        audit.Describe("Resumed trading; high-water mark re-baselined to the current equity");
        markPushes.Marked(state, account);
        return TradingStateDto.From(state);
    }
}
