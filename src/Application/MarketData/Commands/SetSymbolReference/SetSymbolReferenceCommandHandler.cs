using Mapster;
using MediatR;
using RiskPlatform.Application.Common.Auditing;
using RiskPlatform.Application.Common.Interfaces;
using RiskPlatform.Application.MarketData.Queries.GetSymbolReference;
using RiskPlatform.Application.MarketData.Specifications;
using RiskPlatform.Application.RiskRules.Common;
using RiskPlatform.Domain.MarketData;
using RiskPlatform.Domain.MarketData.Reference;

namespace RiskPlatform.Application.MarketData.Commands.SetSymbolReference;

internal sealed class SetSymbolReferenceCommandHandler(
    IRepository<SymbolReference> references,
    IRuleMarketData marketData,
    IAfterCommitActions afterCommit,
    AuditScope audit,
    TypeAdapterConfig mapping,
    TimeProvider timeProvider) : IRequestHandler<SetSymbolReferenceCommand, SymbolReferenceDto>
{
    public async Task<SymbolReferenceDto> Handle(SetSymbolReferenceCommand request, CancellationToken cancellationToken)
    {
        var symbol = TradingSymbol.Normalize(request.Symbol);
        var fields = new SymbolReferenceFields(request.Sector, request.Industry, request.AssetClass, request.Exchange);
        var now = timeProvider.GetUtcNow().UtcDateTime;
        var reference = await references.FirstOrDefaultAsync(new SymbolReferenceBySymbolSpec(symbol), cancellationToken);
        if (reference is null)
        {
            reference = SymbolReference.Create(symbol, fields, now);
            references.Add(reference);
        }
        else
        {
            reference.Replace(fields, now);
        }

        audit.Target("symbol_reference", reference.Id).Describe($"Set the reference data of {symbol}");
        afterCommit.Enqueue(_ =>
        {
            marketData.Invalidate([symbol]);
            return Task.CompletedTask;
        });

        return reference.Adapt<SymbolReferenceDto>(mapping);
    }
}
