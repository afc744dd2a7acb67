using RiskPlatform.Domain.RiskRules;
using RiskPlatform.Domain.RiskRules.Engine;

namespace RiskPlatform.Application.RiskRules.Common;

/// <summary>
/// What the history-based rules need beside the broker's snapshot: the symbols' daily closes before today's New York date
/// (max_correlation, over the longest active lookback) and their sectors (max_correlation and sector_limit). Read on the read
/// side — never through the caller's unit of work, so never inside an order's transaction — and kept as precomputed return series,
/// so that an order judges correlations from memory. <see cref="RuleMarketData.Empty"/> when no such rule is active.
/// </summary>
public interface IRuleMarketData
{
    Task<RuleMarketData> LoadAsync(IReadOnlyList<RiskRule> rules, IReadOnlyCollection<string> symbols, DateTime now, CancellationToken cancellationToken);

    /// <summary>Forgets what is kept for <paramref name="symbols"/> (all symbols when null): their bars or sectors changed.</summary>
    void Invalidate(IReadOnlyCollection<string>? symbols);
}
