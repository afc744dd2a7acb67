namespace RiskPlatform.Domain.Trading.Paper;

/// <summary>
/// One position valued at <see cref="MarkPrice"/>. Signed values (quantity, cost basis, market value) are negative for shorts.
/// <see cref="IsMarkFallback"/> is true when no mark price was supplied and the average entry price was used instead.
/// </summary>
public sealed record PaperPositionSnapshot(
    Guid PositionId,
    string Symbol,
    decimal Quantity,
    decimal AverageEntryPrice,
    decimal MarkPrice,
    bool IsMarkFallback,
    decimal CostBasis,
    decimal MarketValue,
    decimal UnrealizedPnl,
    decimal RealizedPnl,
    DateTime OpenedAt);
