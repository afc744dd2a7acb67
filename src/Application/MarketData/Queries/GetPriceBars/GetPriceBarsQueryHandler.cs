using MediatR;
using RiskPlatform.Application.Common.Interfaces;
using RiskPlatform.Application.MarketData.Specifications;
using RiskPlatform.Domain.MarketData;
using RiskPlatform.Domain.MarketData.History;

namespace RiskPlatform.Application.MarketData.Queries.GetPriceBars;

/// <summary>Reads the range from the price history (no transaction, never the order path's). An unknown symbol has no bars.</summary>
internal sealed class GetPriceBarsQueryHandler(IReadRepository<PriceBar> bars, TimeProvider timeProvider)
    : IRequestHandler<GetPriceBarsQuery, PriceBarsDto>
{
    public async Task<PriceBarsDto> Handle(GetPriceBarsQuery request, CancellationToken cancellationToken)
    {
        var symbol = TradingSymbol.Normalize(request.Symbol);
        var to = request.To ?? request.From?.AddDays(365) ?? PriceBar.TradingDateOf(timeProvider.GetUtcNow().UtcDateTime);
        var from = request.From ?? to.AddDays(-365);
        var list = await bars.ListAsync(
            new PriceBarDtosOfSymbolBetweenSpec(symbol, from, to, GetPriceBarsQueryValidator.MaxDays + 1), cancellationToken);
        return new PriceBarsDto(symbol, "day", from, to, list);
    }
}
