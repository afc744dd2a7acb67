using RiskPlatform.Application.Common.Messaging;

namespace RiskPlatform.Application.MarketData.Queries.GetMarketQuote;

public sealed record GetMarketQuoteQuery(string Symbol) : IQuery<MarketQuoteDto>;
