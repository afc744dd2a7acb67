using RiskPlatform.Application.Common.Interfaces;
using RiskPlatform.Application.MarketData.Common;
using RiskPlatform.Application.MarketData.Specifications;
using RiskPlatform.Domain.MarketData.Reference;
using RiskPlatform.Domain.RiskRules;
using RiskPlatform.Domain.Backtesting;
using RiskPlatform.Domain.Trading;

namespace RiskPlatform.Application.Backtesting.Common;

/// <summary>
/// Runs a <see cref="BacktestPlan"/>: reads the ordered symbols' bars in the range (outside any transaction), builds the rules
/// and orders, and lets the Domain's <see cref="Backtester"/> replay them. Writes nothing.
/// </summary>
public sealed class BacktestRunner(IPriceHistoryReader history, IReadRepository<SymbolReference> references)
{
    public async Task<BacktestResultDto> RunAsync(BacktestPlan plan, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(plan);
        var symbols = plan.Orders.Select(o => o.Symbol!).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        var rules = plan.Rules.Select((r, i) => r.ToRule(plan.UserId, i)).ToList();

        // max_correlation looks back from each day: the bars before 'from' it needs are read too (they are not simulated days).
        var lookback = rules.Where(r => r.RuleType == RiskRuleType.MaxCorrelation).Select(r => r.EffectiveLookbackDays).DefaultIfEmpty(0).Max();
        var from = lookback > 0 ? plan.From.AddDays(-(((lookback + 1) * 7 / 5) + 15)) : plan.From;
        var bars = await history.BarsAsync(symbols, from, plan.To, cancellationToken);
        IReadOnlyDictionary<string, string?> sectors = rules.Any(r => r.RuleType is RiskRuleType.MaxCorrelation or RiskRuleType.SectorLimit)
            ? (await references.ListAsync(new SymbolReferencesBySymbolsSpec(symbols), cancellationToken)).ToDictionary(r => r.Symbol, r => r.Sector, StringComparer.Ordinal)
            : new Dictionary<string, string?>();
        var orders = plan.Orders.Select((o, i) => new BacktestOrder(
            i,
            o.Date!.Value,
            o.Symbol!,
            o.Side!.Value,
            o.Qty!.Value,
            o.Type ?? OrderType.Market,
            o.Type == OrderType.Limit ? o.LimitPrice : null,
            o.StrategyId)).ToList();

        var result = Backtester.Run(new BacktestInput(
            plan.UserId, plan.From, plan.To, plan.StartingCash, orders, rules, new BacktestMarket(bars, sectors)));
        return BacktestResultDto.From(plan, result, rules);
    }
}
