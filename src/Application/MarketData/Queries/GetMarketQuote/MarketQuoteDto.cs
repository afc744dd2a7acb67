using Mapster;
using RiskPlatform.Domain.MarketData;

namespace RiskPlatform.Application.MarketData.Queries.GetMarketQuote;

/// <summary>A symbol's quote: bid, ask, last (null when set from bid/ask only), the mark price (last, else mid) and when it was set.</summary>
public sealed record MarketQuoteDto(string Symbol, decimal Bid, decimal Ask, decimal? Last, decimal MarkPrice, DateTime UpdatedAt);

internal sealed class MarketQuoteDtoMapping : IRegister
{
    public void Register(TypeAdapterConfig config) =>
        config.NewConfig<MarketQuote, MarketQuoteDto>().Map(d => d.MarkPrice, q => q.MarkPrice);
}
