using RiskPlatform.Domain.Portfolio.Sizing;

namespace RiskPlatform.Application.Portfolio.Queries.CalculatePositionSize;

/// <summary>The recommended size; capped_by names the smallest cap that bound it (null when the method's size stood).</summary>
public sealed record PositionSizeDto(
    string Symbol,
    decimal RecommendedShares,
    decimal RecommendedValue,
    decimal MaxLoss,
    decimal RiskPerShare,
    decimal AccountValue,
    decimal RiskPercentage,
    SizingMethod Method,
    string? CappedBy,
    IReadOnlyList<string> Warnings)
{
    public static PositionSizeDto From(PositionSizeResult r) =>
        new(r.Symbol, r.RecommendedShares, r.RecommendedValue, r.MaxLoss, r.RiskPerShare, r.AccountValue, r.RiskPercentage, r.Method, r.CappedBy, r.Warnings);
}
