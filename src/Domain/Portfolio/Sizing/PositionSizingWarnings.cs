namespace RiskPlatform.Domain.Portfolio.Sizing;

/// <summary>Codes that start each <see cref="PositionSizeResult.Warnings"/> entry (<c>CODE: text</c>).</summary>
public static class PositionSizingWarnings
{
    /// <summary>No stop given: sized with percent_of_equity (or Kelly as an allocation), max_loss assumes the whole position is at risk.</summary>
    public const string NoStopLoss = "NO_STOP_LOSS";

    /// <summary>Volatility sizing with a stop given: the ATR distance was used, not the stop.</summary>
    public const string StopLossIgnored = "STOP_LOSS_IGNORED";

    /// <summary>The half-Kelly fraction was above <see cref="PositionSizer.KellyMaxFraction"/> and was capped.</summary>
    public const string KellyCapped = "KELLY_CAPPED";

    /// <summary>The Kelly fraction is zero or negative (no edge): nothing is recommended.</summary>
    public const string KellyNotPositive = "KELLY_NOT_POSITIVE";

    /// <summary>Volatility sizing without atr: the ATR was computed from the symbol's stored daily bars.</summary>
    public const string AtrFromHistory = "ATR_FROM_HISTORY";

    /// <summary>No fresh quote for the symbol: rule caps were computed at the entry price.</summary>
    public const string QuoteUnavailable = "QUOTE_UNAVAILABLE";
}
