using RiskPlatform.Application.Common.Actors;
using System.Globalization;
using MediatR;
using Microsoft.Extensions.Options;
using RiskPlatform.Application.Common.Auditing;
using RiskPlatform.Application.Common.Interfaces;
using RiskPlatform.Application.Portfolio.Common;
using RiskPlatform.Application.Portfolio.Monitoring;
using RiskPlatform.Application.Portfolio.Specifications;
using RiskPlatform.Application.RiskRules.Common;
using RiskPlatform.Application.Trading.Common;
using RiskPlatform.Application.Trading.Specifications;
using RiskPlatform.Domain.Common;
using RiskPlatform.Domain.Portfolio.Equity;
using RiskPlatform.Domain.Portfolio.Monitoring;
using RiskPlatform.Domain.Portfolio.State;
using RiskPlatform.Domain.RiskRules;
using RiskPlatform.Domain.Trading.Orders;

namespace RiskPlatform.Application.Portfolio.Commands.RunPortfolioMonitor;

/// <summary>
/// One monitor tick for one user, under the user's trading lock (so it never interleaves with an order, a cancel, a halt or
/// another tick of the same user): mark → equity point → <see cref="PortfolioMonitor.Evaluate"/> → <see cref="MonitorDecision.Apply"/>
/// → opened episodes with their breach (<see cref="BreachSource.Monitor"/>, so breach_count counts episodes) → monitor actions.
/// Nothing leaves the process here: the actions are executed after the commit (<see cref="MonitorActionRunner"/>). A quiet run
/// (nothing opened, ended, changed state or queued) keeps the mark and writes no audit row; its equity point is sampled.
/// </summary>
internal sealed class RunPortfolioMonitorCommandHandler(
    AccountChanges changes,
    IRepository<PortfolioState> states,
    IRepository<BreachEpisode> episodes,
    IRepository<RiskBreach> breaches,
    IRepository<MonitorAction> actions,
    IRepository<EquitySnapshot> equityHistory,
    EquityPointSampler equityPoints,
    PortfolioMarkPushQueue markPushes,
    ActiveRulesReader rules,
    IReadRepository<Order> orders,
    IBrokerGateway broker,
    IRuleMarketData marketData,
    ITradingLock tradingLock,
    AuditScope audit,
    IOptions<RiskCheckOptions> riskOptions,
    IOptions<MonitoringOptions> monitoringOptions,
    TimeProvider timeProvider) : IRequestHandler<RunPortfolioMonitorCommand, PortfolioMonitorRun>
{
    public async Task<PortfolioMonitorRun> Handle(RunPortfolioMonitorCommand request, CancellationToken cancellationToken)
    {
        var userId = request.UserId;
        audit.ActAs(userId);
        await tradingLock.AcquireAsync(userId, cancellationToken);
        var now = timeProvider.GetUtcNow().UtcDateTime;

        var active = await rules.ActiveAsync(userId, cancellationToken);
        var state = await PortfolioStateMarking.LoadForChangeAsync(changes, states, userId, cancellationToken);
        if (state is null && !active.Any(r => RiskRuleCatalog.IsMonitored(r.RuleType)))
        {
            audit.Target("portfolio_state", null).Describe("Monitor: nothing to monitor (no monitored rule, no portfolio state)").Unremarkable();
            return new PortfolioMonitorRun(false, 0, 0, 0, TradingState.Active);
        }

        var (snapshot, account) = await PortfolioSnapshots.LoadAsync(
            broker, orders, userId, null, active, now, riskOptions.Value.MaxQuoteAge, cancellationToken, marketData: marketData);
        var created = state is null;
        state = PortfolioStateMarking.MarkOrCreate(changes, states, equityHistory, equityPoints, state, userId, account, now);
        var open = await episodes.ListAsync(new OpenBreachEpisodesOfUserSpec(userId), cancellationToken);

        var decision = PortfolioMonitor.Evaluate(
            PortfolioSnapshots.WithPortfolioState(snapshot, state),
            state,
            active,
            open,
            now,
            new MonitorOptions { ExitMarginFraction = monitoringOptions.Value.ExitMargin });
        decision.Apply(state, now);
        markPushes.Marked(state, account);

        foreach (var opened in decision.Opened)
        {
            var episode = opened.Episode;
            episodes.Add(episode);
            breaches.Add(opened.Rule.RecordBreach(
                episode.FirstObserved, episode.Limit, episode.Symbol, null, opened.Reason, BreachSource.Monitor, now, episode.Id));
        }

        var sequence = 0;
        foreach (var cancellation in decision.Cancellations)
        {
            actions.Add(MonitorAction.Cancel(cancellation, userId, sequence++));
        }

        foreach (var liquidation in decision.Liquidations)
        {
            actions.Add(MonitorAction.Liquidate(liquidation, userId, sequence++));
        }

        audit.Target("portfolio_state", state.Id).Describe(Describe(snapshot.Equity, decision, state));
        if (!created && IsQuiet(decision))
        {
            // Marked (the state's equity, high-water mark and drawdown are kept) but nothing opened, ended, changed state or was
            // queued: no audit row. The equity point is sampled (EquityPointSampler).
            audit.Unremarkable();
        }

        return new PortfolioMonitorRun(true, decision.Opened.Count, decision.Closed.Count, sequence, state.TradingState);
    }

    private static bool IsQuiet(MonitorDecision decision) =>
        decision.Opened.Count == 0
        && decision.Closed.Count == 0
        && decision.Transition is null
        && decision.Cancellations.Count == 0
        && decision.Liquidations.Count == 0;

    private static string Describe(decimal equity, MonitorDecision decision, PortfolioState state)
    {
        var text = string.Create(CultureInfo.InvariantCulture, $"Monitor: equity {equity}");
        if (decision.Opened.Count > 0)
        {
            text += "; breached " + string.Join(", ", decision.Opened.Select(o =>
                $"{WireEnum.Name(o.Rule.RuleType)}{(o.Episode.Symbol is null ? string.Empty : " " + o.Episode.Symbol)} ({WireEnum.Name(o.Rule.Action)})"));
        }

        if (decision.Closed.Count > 0)
        {
            text += string.Create(CultureInfo.InvariantCulture, $"; {decision.Closed.Count} episode(s) ended");
        }

        if (decision.Transition is not null)
        {
            text += $"; trading {WireEnum.Name(state.TradingState)}";
        }

        var actionCount = decision.Cancellations.Count + decision.Liquidations.Count;
        if (actionCount > 0)
        {
            text += string.Create(CultureInfo.InvariantCulture, $"; {decision.Cancellations.Count} cancellation(s) and {decision.Liquidations.Count} liquidation(s) queued");
        }

        return text;
    }
}
