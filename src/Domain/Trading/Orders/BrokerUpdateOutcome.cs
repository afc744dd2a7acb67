namespace RiskPlatform.Domain.Trading.Orders;

/// <summary>What <see cref="Order.MirrorBrokerUpdate"/> did with one update pushed by the broker.</summary>
public enum BrokerUpdateOutcome
{
    /// <summary>The update moved the order forward and was mirrored.</summary>
    Applied,

    /// <summary>The order already shows exactly this (a repeated update): nothing changed.</summary>
    Unchanged,

    /// <summary>The update is behind what the order shows (out of order, or about a terminal order): ignored.</summary>
    Stale,
}
