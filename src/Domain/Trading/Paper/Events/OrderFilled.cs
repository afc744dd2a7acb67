using RiskPlatform.Domain.Common;

namespace RiskPlatform.Domain.Trading.Paper.Events;

/// <summary>
/// A paper order filled in full: <paramref name="Quantity"/> (unsigned) at <paramref name="Price"/>. <see cref="OnPlacement"/>: it
/// filled in the call that placed it (a marketable order), so whoever placed it already has the outcome.
/// </summary>
public sealed record OrderFilled(
    Guid UserId,
    Guid OrderId,
    string Symbol,
    OrderSide Side,
    decimal Quantity,
    decimal Price,
    DateTime OccurredAt) : IDomainEvent
{
    public bool OnPlacement { get; init; }
}
