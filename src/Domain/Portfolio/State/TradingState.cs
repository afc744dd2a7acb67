namespace RiskPlatform.Domain.Portfolio.State;

/// <summary>Whether an account may trade. Wire values: <c>active</c>, <c>reducing</c>, <c>halted</c>.</summary>
public enum TradingState
{
    /// <summary>Every order the risk engine accepts may be sent.</summary>
    Active,

    /// <summary>Only orders that reduce exposure pass, until <see cref="PortfolioState.ReducingUntil"/> (the next trading day).</summary>
    Reducing,

    /// <summary>Nothing passes except the monitor's own close orders, until a user resumes trading.</summary>
    Halted,
}
