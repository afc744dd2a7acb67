using RiskPlatform.Domain.Common;

namespace RiskPlatform.Domain.Trading.Paper.Events;

/// <summary>
/// A position went flat. <paramref name="Quantity"/> is the signed quantity held just before the closing fill,
/// <paramref name="ExitPrice"/> the closing fill price, and <paramref name="RealizedPnl"/> the P&amp;L realized over the
/// position's whole life (earlier partial closes included).
/// </summary>
public sealed record PositionClosed(
    Guid UserId,
    Guid PositionId,
    string Symbol,
    decimal Quantity,
    decimal AverageEntryPrice,
    decimal ExitPrice,
    decimal RealizedPnl,
    DateTime OccurredAt) : IDomainEvent;
