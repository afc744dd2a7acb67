using RiskPlatform.Domain.Trading.Paper.Events;

namespace RiskPlatform.Domain.Portfolio.Monitoring;

/// <summary>Why a breach episode ended. Wire values: <c>back_inside_margin</c>, <c>window_reset</c>, <c>position_closed</c>, <c>rule_inactive</c>.</summary>
public enum EpisodeEndReason
{
    /// <summary>The observed value came back inside the limit by the exit margin (<see cref="MonitorOptions.ExitMarginFraction"/>).</summary>
    BackInsideMargin,

    /// <summary>The rule's window reset: for max_daily_loss, a new trading day started.</summary>
    WindowReset,

    /// <summary>A per-symbol episode whose position is now flat (nothing left to measure).</summary>
    PositionClosed,

    /// <summary>The rule was deactivated or deleted (or is no longer monitored).</summary>
    RuleInactive,
}
