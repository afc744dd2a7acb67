using RiskPlatform.Domain.Common;

namespace RiskPlatform.Domain.MarketData.Events;

/// <summary>
/// A quote was set for <paramref name="Symbol"/> (on creation and on every update). A handler can load the paper accounts
/// with open orders in the symbol and call <see cref="Trading.PaperAccount.ApplyQuote"/> on each.
/// </summary>
public sealed record MarketQuoteUpdated(string Symbol, decimal Bid, decimal Ask, decimal? Last, DateTime OccurredAt) : IDomainEvent
{
    /// <summary>The price positions are valued at: <see cref="Last"/>, or the mid (<see cref="MarketQuote.MarkOf"/>).</summary>
    public decimal MarkPrice => MarketQuote.MarkOf(Bid, Ask, Last);
}
