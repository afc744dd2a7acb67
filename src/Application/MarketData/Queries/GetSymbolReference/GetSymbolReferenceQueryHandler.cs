using MediatR;
using RiskPlatform.Application.Common.Exceptions;
using RiskPlatform.Application.Common.Interfaces;
using RiskPlatform.Application.MarketData.Specifications;
using RiskPlatform.Domain.MarketData;
using RiskPlatform.Domain.MarketData.Reference;

namespace RiskPlatform.Application.MarketData.Queries.GetSymbolReference;

internal sealed class GetSymbolReferenceQueryHandler(IReadRepository<SymbolReference> references)
    : IRequestHandler<GetSymbolReferenceQuery, SymbolReferenceDto>
{
    public async Task<SymbolReferenceDto> Handle(GetSymbolReferenceQuery request, CancellationToken cancellationToken)
    {
        var symbol = TradingSymbol.Normalize(request.Symbol);
        return await references.FirstOrDefaultAsync(new SymbolReferenceDtoBySymbolSpec(symbol), cancellationToken)
            ?? throw new NotFoundException("Symbol", symbol);
    }
}
