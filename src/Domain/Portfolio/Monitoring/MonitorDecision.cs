using RiskPlatform.Domain.Portfolio.State;

namespace RiskPlatform.Domain.Portfolio.Monitoring;

/// <summary>
/// What <see cref="PortfolioMonitor.Evaluate"/> decided after one quote or fill. Nothing is changed until <see cref="Apply"/>.
/// Caller's order: <see cref="Apply"/>; persist <see cref="Opened"/> episodes and record their breaches; save; then, outside the
/// transaction (outbox), execute <see cref="Cancellations"/> before <see cref="Liquidations"/>.
/// </summary>
public sealed class MonitorDecision
{
    internal MonitorDecision(
        IReadOnlyList<OpenedEpisode> opened,
        IReadOnlyList<EpisodeUpdate> updated,
        IReadOnlyList<EpisodeClosure> closed,
        IReadOnlyList<CancelOrdersInstruction> cancellations,
        IReadOnlyList<LiquidationInstruction> liquidations,
        TradingStateTransition? transition)
    {
        Opened = opened;
        Updated = updated;
        Closed = closed;
        Cancellations = cancellations;
        Liquidations = liquidations;
        Transition = transition;
    }

    /// <summary>A decision with nothing to do.</summary>
    public static MonitorDecision None { get; } = new([], [], [], [], [], null);

    /// <summary>New episodes (one per newly breached rule and symbol), each with the breach reason to record.</summary>
    public IReadOnlyList<OpenedEpisode> Opened { get; }

    /// <summary>Open episodes whose worst value rises.</summary>
    public IReadOnlyList<EpisodeUpdate> Updated { get; }

    /// <summary>Open episodes that end.</summary>
    public IReadOnlyList<EpisodeClosure> Closed { get; }

    /// <summary>Open orders to cancel (before liquidating): one "all" for close_all, else one per closed symbol.</summary>
    public IReadOnlyList<CancelOrdersInstruction> Cancellations { get; }

    /// <summary>Market orders that flatten positions, at most one per symbol.</summary>
    public IReadOnlyList<LiquidationInstruction> Liquidations { get; }

    /// <summary>Halt (close_all) or reducing (daily-loss block); halt wins when both are decided.</summary>
    public TradingStateTransition? Transition { get; }

    public bool IsEmpty =>
        Opened.Count == 0 && Updated.Count == 0 && Closed.Count == 0 && Cancellations.Count == 0 && Liquidations.Count == 0 && Transition is null;

    /// <summary>
    /// Applies the decision to the episodes and the state: ends closed episodes, raises worst values, marks every opened
    /// episode's action as taken, and halts or enters reducing (which raises <see cref="Events.TradingStateChanged"/>).
    /// </summary>
    public void Apply(PortfolioState state, DateTime now)
    {
        foreach (var closure in Closed)
        {
            closure.Episode.End(closure.Reason, closure.EndedAt);
        }

        foreach (var update in Updated)
        {
            update.Episode.Observe(update.Observed, now);
        }

        foreach (var opened in Opened)
        {
            opened.Episode.MarkActionTaken(now);
        }

        switch (Transition)
        {
            case { To: TradingState.Halted } halt:
                state.Halt(halt.Reason, now);
                break;
            case { To: TradingState.Reducing } reducing:
                state.EnterReducing(reducing.Reason, now);
                break;
        }
    }
}
