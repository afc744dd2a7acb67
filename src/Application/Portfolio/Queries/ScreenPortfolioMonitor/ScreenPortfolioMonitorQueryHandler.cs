using MediatR;
using Microsoft.Extensions.Options;
using RiskPlatform.Application.Common.Actors;
using RiskPlatform.Application.Common.Interfaces;
using RiskPlatform.Application.Portfolio.Common;
using RiskPlatform.Application.Portfolio.Monitoring;
using RiskPlatform.Application.Portfolio.Specifications;
using RiskPlatform.Domain.Portfolio.Metrics;
using RiskPlatform.Domain.Portfolio.Monitoring;
using RiskPlatform.Domain.RiskRules;
using RiskPlatform.Application.Trading.Common;
using RiskPlatform.Domain.Portfolio;

namespace RiskPlatform.Application.Portfolio.Queries.ScreenPortfolioMonitor;

/// <summary>
/// The monitor's evaluation as a read: the same context the pre-trade reads load (rules, paper account and stored state from
/// the actor's memory, quotes read each time), the open episodes from memory, and <see cref="PortfolioMonitor.Evaluate"/> on a
/// marked copy of the state. A run is needed when the account has no state yet, when marking moved anything a store keeps
/// (<see cref="PortfolioState.DiffersBeyondTheMark"/>), when the trading day ends within <see cref="DayEndWindow"/> (so the
/// stored last mark, which the day roll takes as the next day's start, is current), when an equity point is due, or when the decision
/// is not empty. Otherwise the mark is pushed to the owner's open clients and nothing is stored; the answer then says whether
/// actions of earlier runs wait, so that their executor is called only then. The stored last mark is thus at
/// most one equity-point interval older than the last quiet one, and current at the day's end when the account is marked in its
/// last minute.
/// </summary>
internal sealed class ScreenPortfolioMonitorQueryHandler(
    PreTradeContextLoader contexts,
    OpenBreachEpisodesReader episodes,
    EquityPointSampler equityPoints,
    AccountActorCall actorCall,
    IReadRepository<MonitorAction> actions,
    PortfolioMarkPushQueue markPushes,
    IOptions<MonitoringOptions> monitoringOptions,
    TimeProvider timeProvider) : IRequestHandler<ScreenPortfolioMonitorQuery, PortfolioMonitorScreen>
{
    public async Task<PortfolioMonitorScreen> Handle(ScreenPortfolioMonitorQuery request, CancellationToken cancellationToken)
    {
        var userId = request.UserId;
        var now = timeProvider.GetUtcNow().UtcDateTime;
        var context = await contexts.LoadAsync(userId, symbol: null, now, cancellationToken);
        var stored = context.Stored;
        if (stored is null)
        {
            return context.Rules.Any(r => RiskRuleCatalog.IsMonitored(r.RuleType))
                ? PortfolioMonitorScreen.Run("new_state")
                : PortfolioMonitorScreen.NothingToMonitor(await HasPendingActionsAsync(userId, cancellationToken));
        }

        if (context.State.DiffersBeyondTheMark(stored))
        {
            return PortfolioMonitorScreen.Run("stored_figures");
        }

        if (stored.NextDayStart - now <= DayEndWindow)
        {
            return PortfolioMonitorScreen.Run("day_end");
        }

        if (equityPoints.IsDue(userId, now))
        {
            return PortfolioMonitorScreen.Run("equity_point");
        }

        var open = await episodes.OpenAsync(userId, cancellationToken);
        var decision = PortfolioMonitor.Evaluate(
            context.Snapshot,
            context.State,
            context.Rules,
            open,
            now,
            new MonitorOptions { ExitMarginFraction = monitoringOptions.Value.ExitMargin });
        if (!decision.IsEmpty)
        {
            return PortfolioMonitorScreen.Run("decision");
        }

        await markPushes.PushNowAsync(context.State, context.Snapshot.Cash, cancellationToken);
        return PortfolioMonitorScreen.Quiet(await HasPendingActionsAsync(userId, cancellationToken));
    }

    /// <summary>
    /// How long before the day's end every evaluation is stored: the equity-point interval (quiet marks are at most that much
    /// newer than the stored one), at most a minute.
    /// </summary>
    private TimeSpan DayEndWindow => equityPoints.Interval < TimeSpan.FromMinutes(1) ? equityPoints.Interval : TimeSpan.FromMinutes(1);

    /// <summary>Whether actions of earlier runs wait (their executor is due after a quiet screen too); remembered by the actor.</summary>
    private Task<bool> HasPendingActionsAsync(Guid userId, CancellationToken cancellationToken) =>
        actorCall.RecallAsync(
            userId,
            AccountMemoryPart.PendingMonitorActions,
            token => actions.AnyAsync(new PendingMonitorActionsOfUserSpec(userId), token),
            cancellationToken);
}
