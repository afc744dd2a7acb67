using RiskPlatform.Domain.Common;

namespace RiskPlatform.Domain.Trading.Paper.Events;

/// <summary>
/// A position was opened from flat (including the new side of a fill that crossed through zero).
/// <paramref name="Quantity"/> is signed (negative for a short); <paramref name="AverageEntryPrice"/> is the fill price.
/// </summary>
public sealed record PositionOpened(
    Guid UserId,
    Guid PositionId,
    string Symbol,
    decimal Quantity,
    decimal AverageEntryPrice,
    DateTime OccurredAt) : IDomainEvent;
