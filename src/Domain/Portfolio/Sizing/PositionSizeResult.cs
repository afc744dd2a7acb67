using RiskPlatform.Domain.Trading;

namespace RiskPlatform.Domain.Portfolio.Sizing;

/// <summary>
/// Output of <see cref="PositionSizer.Calculate"/>. <see cref="RiskPerShare"/> is |entry − stop| (ATR × multiplier for volatility;
/// the entry price itself when there is no stop: the whole position is at risk). <see cref="MaxLoss"/> = shares × risk per share;
/// <see cref="RiskPercentage"/> = max loss ÷ account value × 100 after caps and rounding. <see cref="CappedBy"/> names what bound
/// the size (a rule type's wire name such as <c>max_position_size</c>, or one of <see cref="PositionSizeCaps"/>), null when the
/// method's own size stood. <see cref="Warnings"/> are <c>CODE: text</c> (see <see cref="PositionSizingWarnings"/>).
/// </summary>
public sealed record PositionSizeResult(
    string Symbol,
    OrderSide Side,
    SizingMethod Method,
    decimal RecommendedShares,
    decimal RecommendedValue,
    decimal MaxLoss,
    decimal RiskPerShare,
    decimal AccountValue,
    decimal RiskPercentage,
    string? CappedBy,
    IReadOnlyList<string> Warnings);
