using MediatR;
using RiskPlatform.Application.Common.Auditing;
using RiskPlatform.Application.Common.Interfaces;
using RiskPlatform.Application.MarketData.Specifications;
using RiskPlatform.Application.RiskRules.Common;
using RiskPlatform.Domain.MarketData;
using RiskPlatform.Domain.MarketData.Reference;

namespace RiskPlatform.Application.MarketData.Commands.ImportSymbolReferences;

/// <summary>Loads the batch's stored symbols in one read, replaces or adds each; returns how many rows were stored.</summary>
internal sealed class ImportSymbolReferencesCommandHandler(
    IRepository<SymbolReference> references,
    IRuleMarketData marketData,
    IAfterCommitActions afterCommit,
    AuditScope audit,
    TimeProvider timeProvider) : IRequestHandler<ImportSymbolReferencesCommand, int>
{
    public async Task<int> Handle(ImportSymbolReferencesCommand request, CancellationToken cancellationToken)
    {
        var now = timeProvider.GetUtcNow().UtcDateTime;
        var symbols = request.Symbols.Select(s => TradingSymbol.Normalize(s.Symbol)).ToList();
        var stored = (await references.ListAsync(new SymbolReferencesBySymbolsSpec(symbols), cancellationToken))
            .ToDictionary(r => r.Symbol, StringComparer.Ordinal);
        for (var i = 0; i < symbols.Count; i++)
        {
            var row = request.Symbols[i];
            var fields = new SymbolReferenceFields(row.Sector, row.Industry, row.AssetClass, row.Exchange);
            if (stored.TryGetValue(symbols[i], out var reference))
            {
                reference.Replace(fields, now);
            }
            else
            {
                references.Add(SymbolReference.Create(symbols[i], fields, now));
            }
        }

        audit.Target("symbol_reference", null).Describe($"Imported the reference data of {symbols.Count} symbols");
        afterCommit.Enqueue(_ =>
        {
            marketData.Invalidate(symbols);
            return Task.CompletedTask;
        });

        return symbols.Count;
    }
}
