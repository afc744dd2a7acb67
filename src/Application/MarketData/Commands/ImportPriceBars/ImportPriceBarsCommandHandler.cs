using MediatR;
using RiskPlatform.Application.Common.Auditing;
using RiskPlatform.Application.Common.Interfaces;
using RiskPlatform.Application.MarketData.Common;
using RiskPlatform.Application.MarketData.Specifications;
using RiskPlatform.Domain.MarketData;
using RiskPlatform.Domain.MarketData.History;

namespace RiskPlatform.Application.MarketData.Commands.ImportPriceBars;

/// <summary>
/// Loads the stored bars the batch touches (one read per symbol, over the batch's date range), replaces them or adds new ones,
/// and advances the bar version of every symbol it changed (<see cref="IPriceBarVersions"/>), so every process keeping their
/// closes reads them again. The unit of work saves once, so a batch is stored whole or not at all, versions included.
/// </summary>
internal sealed class ImportPriceBarsCommandHandler(IRepository<PriceBar> bars, IPriceBarVersions versions, AuditScope audit)
    : IRequestHandler<ImportPriceBarsCommand, PriceBarImportResult>
{
    public async Task<PriceBarImportResult> Handle(ImportPriceBarsCommand request, CancellationToken cancellationToken)
    {
        var (added, replaced, unchanged) = (0, 0, 0);
        var changed = new List<string>();
        foreach (var group in request.Bars.GroupBy(b => TradingSymbol.Normalize(b.Symbol)))
        {
            var from = group.Min(b => b.Date);
            var to = group.Max(b => b.Date);
            var changesBefore = added + replaced;
            var stored = (await bars.ListAsync(new PriceBarsOfSymbolBetweenSpec(group.Key, from, to), cancellationToken))
                .ToDictionary(b => b.Date);
            foreach (var input in group)
            {
                if (!stored.TryGetValue(input.Date, out var bar))
                {
                    bars.Add(PriceBar.Create(group.Key, input.Date, input.Open, input.High, input.Low, input.Close, input.Volume));
                    added++;
                }
                else if ((bar.Open, bar.High, bar.Low, bar.Close, bar.Volume) == (input.Open, input.High, input.Low, input.Close, input.Volume))
                {
                    unchanged++;
                }
                else
                {
                    bar.Replace(input.Open, input.High, input.Low, input.Close, input.Volume);
                    replaced++;
                }
            }

            if (added + replaced > changesBefore)
            {
                changed.Add(group.Key);
            }
        }

        // Every changed symbol, whatever the dates: an import is rare, and a bar dated today here may be a past one by the commit.
        await versions.AdvanceAsync(changed, cancellationToken);
        audit.Target("price_bars", null)
            .Describe($"Imported {request.Bars.Count} daily bars: {added} added, {replaced} replaced, {unchanged} unchanged");
        return new PriceBarImportResult(added, replaced, unchanged);
    }
}
