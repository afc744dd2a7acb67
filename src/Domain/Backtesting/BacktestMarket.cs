using RiskPlatform.Domain.Analytics;
using RiskPlatform.Domain.RiskRules.Engine;

namespace RiskPlatform.Domain.Backtesting;

/// <summary>
/// The stored daily bars a backtest replays, per upper-case symbol in date order, and the symbols' sectors (null or missing:
/// unclassified). Built once per backtest; read-only afterwards.
/// </summary>
public sealed class BacktestMarket
{
    private readonly Dictionary<string, DailyBar[]> _bars;
    private readonly Dictionary<string, string?> _sectors;
    private Dictionary<string, DailyCloses>? _closes;

    public BacktestMarket(IReadOnlyDictionary<string, IReadOnlyList<DailyBar>> bars, IReadOnlyDictionary<string, string?>? sectors = null)
    {
        ArgumentNullException.ThrowIfNull(bars);
        _bars = new Dictionary<string, DailyBar[]>(StringComparer.OrdinalIgnoreCase);
        foreach (var (symbol, series) in bars)
        {
            _bars[symbol.Trim().ToUpperInvariant()] = [.. series.OrderBy(b => b.Date).DistinctBy(b => b.Date)];
        }

        _sectors = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase);
        foreach (var (symbol, sector) in sectors ?? new Dictionary<string, string?>())
        {
            _sectors[symbol.Trim().ToUpperInvariant()] = sector;
        }
    }

    /// <summary>Every symbol with bars, upper-case, in ordinal order.</summary>
    public IReadOnlyList<string> Symbols => [.. _bars.Keys.Order(StringComparer.Ordinal)];

    /// <summary>The bars of <paramref name="symbol"/> in date order (empty when it has none).</summary>
    public IReadOnlyList<DailyBar> BarsOf(string symbol) => _bars.TryGetValue(symbol, out var bars) ? bars : [];

    /// <summary>True when <paramref name="symbol"/> has at least one bar dated between <paramref name="from"/> and <paramref name="to"/>.</summary>
    public bool HasBarBetween(string symbol, DateOnly from, DateOnly to) =>
        _bars.TryGetValue(symbol, out var bars) && Array.Exists(bars, b => b.Date >= from && b.Date <= to);

    /// <summary>The sector recorded for <paramref name="symbol"/>, or null (unclassified).</summary>
    public string? SectorOf(string symbol) => _sectors.GetValueOrDefault(symbol);

    /// <summary>
    /// What max_correlation and sector_limit see on <paramref name="day"/>: every symbol's closes dated before it (as the service
    /// uses the closes before today) when <paramref name="withCloses"/>, and the sectors.
    /// </summary>
    public RuleMarketData AsOf(DateOnly day, bool withCloses)
    {
        if (!withCloses)
        {
            return new RuleMarketData(new Dictionary<string, DailyCloses>(), _sectors);
        }

        var calendars = new DayCalendars();
        _closes ??= _bars.ToDictionary(p => p.Key, p => new DailyCloses(p.Value.Select(b => (b.Date, b.Close)), calendars), StringComparer.OrdinalIgnoreCase);
        return new RuleMarketData(_closes.ToDictionary(p => p.Key, p => p.Value.Before(day), StringComparer.OrdinalIgnoreCase), _sectors);
    }

    internal DailyBar[] SeriesOf(string symbol) => _bars.TryGetValue(symbol, out var bars) ? bars : [];

    internal IEnumerable<KeyValuePair<string, DailyBar[]>> AllSeries => _bars.OrderBy(p => p.Key, StringComparer.Ordinal);
}
