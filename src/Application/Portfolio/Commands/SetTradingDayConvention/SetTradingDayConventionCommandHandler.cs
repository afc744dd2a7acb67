using RiskPlatform.Application.Common.Actors;
using MediatR;
using RiskPlatform.Application.Common.Auditing;
using RiskPlatform.Application.Common.Interfaces;
using RiskPlatform.Application.Portfolio.Common;
using RiskPlatform.Domain.Portfolio.Calendar;
using RiskPlatform.Domain.Portfolio.Equity;
using RiskPlatform.Domain.Portfolio.State;

namespace RiskPlatform.Application.Portfolio.Commands.SetTradingDayConvention;

/// <summary>
/// Under the trading lock: marks the state with the current equity (creating it on first use from the broker account), then
/// switches its convention, which recomputes the current day and the next boundary from now.
/// </summary>
internal sealed class SetTradingDayConventionCommandHandler(
    AccountChanges changes,
    IRepository<PortfolioState> states,
    IRepository<EquitySnapshot> equityHistory,
    EquityPointSampler equityPoints,
    IBrokerGateway broker,
    ITradingLock tradingLock,
    ICurrentUser currentUser,
    AuditScope audit,
    TimeProvider timeProvider) : IRequestHandler<SetTradingDayConventionCommand, TradingDayConventionDto>
{
    public async Task<TradingDayConventionDto> Handle(SetTradingDayConventionCommand request, CancellationToken cancellationToken)
    {
        var userId = currentUser.RequireUserId();
        await tradingLock.AcquireAsync(userId, cancellationToken);
        var now = timeProvider.GetUtcNow().UtcDateTime;
        var convention = request.Convention switch
        {
            TradingDayConventionName.Utc => TradingDayConvention.CalendarUtc,
            TradingDayConventionName.TimeZone => TradingDayConvention.CalendarInTimeZone(request.TimeZone!),
            _ => TradingDayConvention.UsEquities,
        };

        var account = await broker.GetAccountAsync(userId, cancellationToken);
        var state = await PortfolioStateMarking.LoadOrCreateAsync(changes, states, equityHistory, equityPoints, userId, account, now, cancellationToken);
        var before = state.Convention;
        state.ChangeConvention(convention, now);

        audit.Target("portfolio_state", state.Id).Describe($"Trading-day convention {Describe(before)} → {Describe(convention)}");
        return TradingDayConventionDto.At(state.Convention, now);
    }

    private static string Describe(TradingDayConvention convention) =>
        convention.TimeZoneId is null ? convention.Kind.ToString() : $"{convention.Kind} ({convention.TimeZoneId})";
}
