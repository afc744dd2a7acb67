using RiskPlatform.Domain.Common;
using RiskPlatform.Domain.Portfolio.State;

namespace RiskPlatform.Domain.Portfolio.Events;

/// <summary>An account's trading state changed (raised by <see cref="PortfolioState"/>).</summary>
public sealed record TradingStateChanged(
    Guid UserId,
    TradingState From,
    TradingState To,
    string Reason,
    DateTime OccurredAt) : IDomainEvent;
