using RiskPlatform.Application.Common.Messaging;

namespace RiskPlatform.Application.Portfolio.Queries.GetEquityHistory;

/// <summary>
/// The caller's recorded equity between <see cref="From"/> and <see cref="To"/> (default: the last 24 hours up to now), one
/// point per <see cref="Interval"/> (a wire value of <see cref="EquityInterval"/>; by default the narrowest that keeps the
/// range under <see cref="GetEquityHistoryQueryHandler.MaxPoints"/> points), with the drawdown from the running peak.
/// </summary>
public sealed record GetEquityHistoryQuery(DateTime? From = null, DateTime? To = null, string? Interval = null) : IQuery<EquityHistoryDto>;
