namespace RiskPlatform.Domain.Portfolio.Monitoring;

/// <summary>What a <see cref="MonitorAction"/> does at the broker. Cancellations run before liquidations.</summary>
public enum MonitorActionKind
{
    /// <summary>Cancel the open orders of one symbol, or every open order when the symbol is null.</summary>
    CancelOrders,

    /// <summary>Submit a market order that flattens one position (quantity read at execution time).</summary>
    Liquidate,
}
