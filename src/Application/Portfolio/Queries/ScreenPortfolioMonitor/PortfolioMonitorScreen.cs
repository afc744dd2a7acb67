namespace RiskPlatform.Application.Portfolio.Queries.ScreenPortfolioMonitor;

/// <summary>What the monitor's screen found: whether a run would store anything, and why.</summary>
/// <param name="RunNeeded">True when the run has something to store; false for a quiet evaluation or nothing to monitor.</param>
/// <param name="Reason">Why (for logs and tests): <c>nothing_to_monitor</c>, <c>quiet</c>, <c>new_state</c>, <c>stored_figures</c>, <c>day_end</c>, <c>equity_point</c> or <c>decision</c>.</param>
/// <param name="PendingActions">Without a run: whether monitor actions of earlier runs still wait for execution or a retry.</param>
public sealed record PortfolioMonitorScreen(bool RunNeeded, string Reason, bool PendingActions = false)
{
    public const string QuietReason = "quiet";

    public static PortfolioMonitorScreen Run(string reason) => new(true, reason);

    public static PortfolioMonitorScreen Quiet(bool pendingActions) => new(false, QuietReason, pendingActions);

    public static PortfolioMonitorScreen NothingToMonitor(bool pendingActions) => new(false, "nothing_to_monitor", pendingActions);
}
