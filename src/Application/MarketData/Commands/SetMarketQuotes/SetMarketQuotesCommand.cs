using RiskPlatform.Application.Common.Messaging;
using RiskPlatform.Application.MarketData.Commands.SetMarketQuote;
using RiskPlatform.Application.MarketData.Queries.GetMarketQuote;

namespace RiskPlatform.Application.MarketData.Commands.SetMarketQuotes;

/// <summary>
/// Sets the quotes of several symbols in one request and one transaction (a feed's batch): each item is what
/// <c>PUT /market/quotes/{symbol}</c> takes, with its <c>symbol</c>. Every resting paper order a quote crosses fills in the same save.
/// </summary>
public sealed record SetMarketQuotesCommand(IReadOnlyList<SetMarketQuoteCommand>? Quotes) : ICommand<IReadOnlyList<MarketQuoteDto>>
{
    /// <summary>The most quotes one request may carry.</summary>
    public const int MaxQuotes = 1_000;
}
