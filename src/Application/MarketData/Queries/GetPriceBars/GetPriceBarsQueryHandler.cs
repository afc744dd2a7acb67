using MediatR;
using RiskPlatform.Application.Common.Interfaces;
using RiskPlatform.Application.MarketData.Specifications;
using RiskPlatform.Domain.MarketData;
using RiskPlatform.Domain.MarketData.History;

namespace RiskPlatform.Application.MarketData.Queries.GetPriceBars;

/// <summary>Reads the range from the price history (no transaction, never the order path's). An unknown symbol has no bars.</summary>
internal sealed class GetPriceBarsQueryHandler(IReadRepository<PriceBar> bars, IReadRepository<MinuteBar> minuteBars, TimeProvider timeProvider)
    : IRequestHandler<GetPriceBarsQuery, PriceBarsDto>
{
    private const int MinutesPerDay = 24 * 60;

    public async Task<PriceBarsDto> Handle(GetPriceBarsQuery request, CancellationToken cancellationToken)
    {
        var symbol = TradingSymbol.Normalize(request.Symbol);
        var today = PriceBar.TradingDateOf(timeProvider.GetUtcNow().UtcDateTime);
        if (request.IsMinute)
        {
            var lastDay = request.To ?? request.From ?? today;
            var firstDay = request.From ?? lastDay;
            var rows = await minuteBars.ListAsync(
                new MinuteBarsOfSymbolBetweenSpec(
                    symbol,
                    PriceBar.StartOfTradingDateUtc(firstDay),
                    PriceBar.StartOfTradingDateUtc(lastDay.AddDays(1)),
                    (GetPriceBarsQueryValidator.MaxMinuteDays + 2) * MinutesPerDay),
                cancellationToken);
            return new PriceBarsDto(
                symbol, "minute", firstDay, lastDay, [.. rows.Select(b => new PriceBarDto(PriceBar.TradingDateOf(b.Start), b.Open, b.High, b.Low, b.Close, 0m, b.Start))]);
        }

        var to = request.To ?? request.From?.AddDays(365) ?? today;
        var from = request.From ?? to.AddDays(-365);
        var list = await bars.ListAsync(
            new PriceBarDtosOfSymbolBetweenSpec(symbol, from, to, GetPriceBarsQueryValidator.MaxDays + 1), cancellationToken);
        return new PriceBarsDto(symbol, "day", from, to, list);
    }
}
