using RiskPlatform.Domain.Analytics;
using RiskPlatform.Domain.MarketData.Reference;

namespace RiskPlatform.Domain.RiskRules.Engine;

/// <summary>
/// What the history-based rules need beside the account: each symbol's stored daily closes before today (max_correlation) and
/// its sector (sector_limit). Keys are upper-case symbols, looked up ignoring case. A symbol without closes has no history; one
/// without a sector counts as <see cref="SymbolReference.Unclassified"/>. <see cref="Empty"/> knows nothing: max_correlation then
/// finds too little history (and fails closed for its blocking actions), sector_limit sees every symbol unclassified.
/// </summary>
public sealed class RuleMarketData
{
    private readonly Dictionary<string, DailyCloses> _closes;
    private readonly Dictionary<string, string?> _sectors;

    public RuleMarketData(IReadOnlyDictionary<string, DailyCloses> closes, IReadOnlyDictionary<string, string?> sectors)
    {
        ArgumentNullException.ThrowIfNull(closes);
        ArgumentNullException.ThrowIfNull(sectors);
        // Keyed upper-case with an ordinal comparer (the cheaper hash, and every symbol here is upper-case already); a lower-case
        // lookup falls back to its upper-case form.
        _closes = closes.ToDictionary(p => p.Key.ToUpperInvariant(), p => p.Value, StringComparer.Ordinal);
        _sectors = sectors.ToDictionary(p => p.Key.ToUpperInvariant(), p => p.Value, StringComparer.Ordinal);
    }

    public static RuleMarketData Empty { get; } = new(new Dictionary<string, DailyCloses>(), new Dictionary<string, string?>());

    /// <summary>The symbol's daily closes, or null when it has none.</summary>
    public DailyCloses? ClosesOf(string symbol) =>
        _closes.TryGetValue(symbol, out var closes) ? closes : _closes.GetValueOrDefault(symbol.ToUpperInvariant());

    /// <summary>The sector the symbol's exposure counts in (<see cref="SymbolReference.SectorBucketOf"/>).</summary>
    public string SectorOf(string symbol) => SymbolReference.SectorBucketOf(
        _sectors.TryGetValue(symbol, out var sector) ? sector : _sectors.GetValueOrDefault(symbol.ToUpperInvariant()));
}
