using RiskPlatform.Application.Common.Messaging;
using RiskPlatform.Domain.Portfolio.Sizing;

namespace RiskPlatform.Application.Portfolio.Queries.CalculatePositionSize;

/// <summary>
/// A recommended position size for an entry (and optional stop) by <see cref="PositionSizer"/>; method defaults to
/// fixed_fractional. Percents are 0–100, win_rate 0–1.
/// </summary>
public sealed record CalculatePositionSizeQuery(
    string? Symbol,
    decimal EntryPrice,
    decimal? StopLoss = null,
    SizingMethod? Method = null,
    decimal? RiskPercent = null,
    decimal? Atr = null,
    decimal? AtrMultiplier = null,
    decimal? WinRate = null,
    decimal? PayoffRatio = null) : IAccountQuery<PositionSizeDto>;
