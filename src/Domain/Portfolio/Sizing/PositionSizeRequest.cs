namespace RiskPlatform.Domain.Portfolio.Sizing;

/// <summary>
/// Input of <see cref="PositionSizer.Calculate"/> (POST /api/v1/risk-rules/calculate-position-size). A stop below the entry sizes a
/// long (buy), above it a short (sell); without a stop the side is buy. Percentages are 0–100; <see cref="WinRate"/> is a
/// fraction in (0, 1) (a value above 1 and at most 100 is read as a percentage).
/// </summary>
public sealed record PositionSizeRequest(
    string Symbol,
    decimal EntryPrice,
    decimal? StopLoss = null,
    SizingMethod? Method = null,
    decimal? RiskPercent = null,
    decimal? Atr = null,
    decimal? AtrMultiplier = null,
    decimal? WinRate = null,
    decimal? PayoffRatio = null);
