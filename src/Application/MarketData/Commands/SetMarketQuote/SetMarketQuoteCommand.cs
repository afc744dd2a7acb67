using RiskPlatform.Application.Common.Messaging;
using RiskPlatform.Application.MarketData.Queries.GetMarketQuote;

namespace RiskPlatform.Application.MarketData.Commands.SetMarketQuote;

/// <summary>
/// Sets a symbol's quote from <see cref="Price"/> alone (bid = ask = last) or from <see cref="Bid"/> and <see cref="Ask"/> with an
/// optional <see cref="Last"/>. Every resting paper order the new quote crosses fills in the same save.
/// </summary>
public sealed record SetMarketQuoteCommand(
    string? Symbol = null,
    decimal? Price = null,
    decimal? Bid = null,
    decimal? Ask = null,
    decimal? Last = null) : ICommand<MarketQuoteDto>;
