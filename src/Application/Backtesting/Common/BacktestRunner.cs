using RiskPlatform.Application.MarketData.Common;
using RiskPlatform.Domain.Backtesting;
using RiskPlatform.Domain.Trading;

namespace RiskPlatform.Application.Backtesting.Common;

/// <summary>
/// Runs a <see cref="BacktestPlan"/>: reads the ordered symbols' bars in the range (outside any transaction), builds the rules
/// and orders, and lets the Domain's <see cref="Backtester"/> replay them. Writes nothing.
/// </summary>
public sealed class BacktestRunner(IPriceHistoryReader history)
{
    public async Task<BacktestResultDto> RunAsync(BacktestPlan plan, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(plan);
        var symbols = plan.Orders.Select(o => o.Symbol!).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        var bars = await history.BarsAsync(symbols, plan.From, plan.To, cancellationToken);
        var rules = plan.Rules.Select((r, i) => r.ToRule(plan.UserId, i)).ToList();
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
            plan.UserId, plan.From, plan.To, plan.StartingCash, orders, rules, new BacktestMarket(bars)));
        return BacktestResultDto.From(plan, result, rules);
    }
}
