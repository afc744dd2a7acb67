using Microsoft.EntityFrameworkCore;
using RiskPlatform.Application.MarketData.Common;
using RiskPlatform.Domain.Backtesting;
using RiskPlatform.Domain.MarketData.History;

namespace RiskPlatform.Infrastructure.Persistence.Readers;

/// <summary>Bulk reads of price_bars over its primary key (symbol, date), untracked and projected to the prices.</summary>
internal sealed class PriceHistoryReader(RiskPlatformDbContext dbContext) : IPriceHistoryReader
{
    /// <summary>Symbols per statement: keeps the IN list well under every provider's parameter limit.</summary>
    private const int SymbolsPerQuery = 100;

    public async Task<IReadOnlySet<string>> SymbolsWithBarsAsync(
        IReadOnlyCollection<string> symbols, DateOnly from, DateOnly to, CancellationToken cancellationToken)
    {
        var found = new HashSet<string>(StringComparer.Ordinal);
        foreach (var chunk in symbols.Distinct(StringComparer.Ordinal).Chunk(SymbolsPerQuery))
        {
            var present = await dbContext.Set<PriceBar>().AsNoTracking()
                .Where(b => chunk.Contains(b.Symbol) && b.Date >= from && b.Date <= to)
                .Select(b => b.Symbol)
                .Distinct()
                .ToListAsync(cancellationToken);
            found.UnionWith(present);
        }

        return found;
    }

    public async Task<IReadOnlyDictionary<string, IReadOnlyList<DailyBar>>> BarsAsync(
        IReadOnlyCollection<string> symbols, DateOnly from, DateOnly to, CancellationToken cancellationToken)
    {
        var bars = new Dictionary<string, List<DailyBar>>(StringComparer.Ordinal);
        foreach (var chunk in symbols.Distinct(StringComparer.Ordinal).Chunk(SymbolsPerQuery))
        {
            var rows = await dbContext.Set<PriceBar>().AsNoTracking()
                .Where(b => chunk.Contains(b.Symbol) && b.Date >= from && b.Date <= to)
                .Select(b => new { b.Symbol, b.Date, b.Open, b.High, b.Low, b.Close })
                .ToListAsync(cancellationToken);
            foreach (var row in rows)
            {
                if (!bars.TryGetValue(row.Symbol, out var list))
                {
                    bars[row.Symbol] = list = [];
                }

                list.Add(new DailyBar(row.Date, row.Open, row.High, row.Low, row.Close));
            }
        }

        return bars.ToDictionary(
            p => p.Key, p => (IReadOnlyList<DailyBar>)[.. p.Value.OrderBy(b => b.Date)], StringComparer.Ordinal);
    }

    public async Task<IReadOnlyDictionary<string, (DateOnly First, DateOnly Last)>> StoredRangesAsync(
        IReadOnlyCollection<string> symbols, DateOnly from, DateOnly to, CancellationToken cancellationToken)
    {
        var ranges = new Dictionary<string, (DateOnly, DateOnly)>(StringComparer.Ordinal);
        foreach (var chunk in symbols.Distinct(StringComparer.Ordinal).Chunk(SymbolsPerQuery))
        {
            var rows = await dbContext.Set<PriceBar>().AsNoTracking()
                .Where(b => chunk.Contains(b.Symbol) && b.Date >= from && b.Date <= to)
                .GroupBy(b => b.Symbol)
                .Select(g => new { Symbol = g.Key, First = g.Min(b => b.Date), Last = g.Max(b => b.Date) })
                .ToListAsync(cancellationToken);
            foreach (var row in rows)
            {
                ranges[row.Symbol] = (row.First, row.Last);
            }
        }

        return ranges;
    }
}
