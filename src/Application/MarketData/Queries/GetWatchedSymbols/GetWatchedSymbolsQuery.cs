using RiskPlatform.Application.Common.Messaging;

namespace RiskPlatform.Application.MarketData.Queries.GetWatchedSymbols;

/// <summary>
/// The symbols whose prices move one user's portfolio: those held at the user's broker (a non-zero quantity) and those of the
/// user's open orders, upper-case, in order. Sent by the service (a broker's market-data stream subscribes to them); a read,
/// the broker called outside any transaction.
/// </summary>
public sealed record GetWatchedSymbolsQuery(Guid UserId) : IQuery<IReadOnlyList<string>>;
