namespace RiskPlatform.Domain.Portfolio.Sizing;

/// <summary>Position-sizing method. Wire values: <c>fixed_fractional</c>, <c>percent_of_equity</c>, <c>volatility</c>, <c>kelly</c>.</summary>
public enum SizingMethod
{
    /// <summary>equity × risk_percent ÷ |entry − stop| (the default; needs a stop).</summary>
    FixedFractional,

    /// <summary>equity × percent ÷ entry: a fixed share of equity, independent of the stop.</summary>
    PercentOfEquity,

    /// <summary>Fixed fractional with ATR × multiplier as the stop distance.</summary>
    Volatility,

    /// <summary>Kelly fraction of equity from win rate and payoff ratio (half-Kelly, capped).</summary>
    Kelly,
}
