using RiskPlatform.Domain.Backtesting;

namespace RiskPlatform.Application.MarketData.Common;

/// <summary>
/// Bulk reads of the stored daily bars (price_bars) for the risk reads that replay or measure history. Reads only, without
/// change tracking; symbols are upper-case.
/// </summary>
public interface IPriceHistoryReader
{
    /// <summary>Which of <paramref name="symbols"/> have at least one bar dated from <paramref name="from"/> to <paramref name="to"/>.</summary>
    Task<IReadOnlySet<string>> SymbolsWithBarsAsync(IReadOnlyCollection<string> symbols, DateOnly from, DateOnly to, CancellationToken cancellationToken);

    /// <summary>The bars of <paramref name="symbols"/> dated from <paramref name="from"/> to <paramref name="to"/>, per symbol in date order.</summary>
    Task<IReadOnlyDictionary<string, IReadOnlyList<DailyBar>>> BarsAsync(
        IReadOnlyCollection<string> symbols, DateOnly from, DateOnly to, CancellationToken cancellationToken);

    /// <summary>The first and last stored date of each of <paramref name="symbols"/> from <paramref name="from"/> to <paramref name="to"/> (symbols without a bar there are absent).</summary>
    Task<IReadOnlyDictionary<string, (DateOnly First, DateOnly Last)>> StoredRangesAsync(
        IReadOnlyCollection<string> symbols, DateOnly from, DateOnly to, CancellationToken cancellationToken);
}
