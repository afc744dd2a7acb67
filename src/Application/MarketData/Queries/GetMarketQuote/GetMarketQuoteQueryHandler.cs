using MediatR;
using RiskPlatform.Application.Common.Exceptions;
using RiskPlatform.Application.Common.Interfaces;
using RiskPlatform.Application.MarketData.Specifications;
using RiskPlatform.Domain.MarketData;

namespace RiskPlatform.Application.MarketData.Queries.GetMarketQuote;

internal sealed class GetMarketQuoteQueryHandler(IReadRepository<MarketQuote> quotes) : IRequestHandler<GetMarketQuoteQuery, MarketQuoteDto>
{
    public async Task<MarketQuoteDto> Handle(GetMarketQuoteQuery request, CancellationToken cancellationToken)
    {
        var symbol = TradingSymbol.Normalize(request.Symbol);
        return await quotes.FirstOrDefaultAsync(new MarketQuoteDtoBySymbolSpec(symbol), cancellationToken)
            ?? throw new NotFoundException("Quote", symbol);
    }
}
