using RiskPlatform.Application.Common.Exceptions;
using RiskPlatform.Application.Common.Interfaces;
using RiskPlatform.Application.MarketData.Common;
using RiskPlatform.Application.RiskRules.Common;
using RiskPlatform.Application.Trading.Specifications;
using RiskPlatform.Domain.Backtesting;
using RiskPlatform.Domain.RiskRules;
using RiskPlatform.Domain.Trading.Paper;
using RiskPlatform.Domain.Trading;

namespace RiskPlatform.Application.Backtesting.Common;

/// <summary>
/// Turns a validated request into a <see cref="BacktestPlan"/>: defaults applied, the caller's active rules (or the drafts)
/// resolved, and every ordered symbol checked to have stored bars in the range — one without any is a 400 naming the first
/// order that uses it (<c>orders[3].symbol</c>). Reads only.
/// </summary>
public sealed class BacktestPlanner(IReadRepository<RiskRule> rules, IPriceHistoryReader history, ICurrentUser currentUser)
{
    public async Task<BacktestPlan> PlanAsync(IBacktestRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var userId = currentUser.RequireUserId();
        var (from, to) = BacktestRange.Of(request) ?? throw new ValidationException("orders", "orders must list at least one dated order.");
        var orders = request.Orders!
            .Select(o => o with { Symbol = o.Symbol!.Trim().ToUpperInvariant(), Type = o.Type ?? OrderType.Market })
            .ToList();

        var symbols = BacktestRange.Symbols(request);
        var withBars = await history.SymbolsWithBarsAsync(symbols, from, to, cancellationToken);
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        var reported = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < orders.Count; i++)
        {
            var symbol = orders[i].Symbol!;
            if (!withBars.Contains(symbol) && reported.Add(symbol))
            {
                errors[$"orders[{i}].symbol"] =
                    [$"{symbol} has no stored daily bars from {from:yyyy-MM-dd} to {to:yyyy-MM-dd}; import them first (market import-bars) or change the range."];
            }
        }

        if (errors.Count > 0)
        {
            throw new ValidationException(errors);
        }

        IReadOnlyList<BacktestRuleDefinition> definitions;
        BacktestRulesSource source;
        if (request.Rules is { } drafts)
        {
            definitions = [.. drafts.Select((d, i) => new BacktestRuleDefinition(
                null,
                string.IsNullOrWhiteSpace(d.Name) ? $"draft rule {i}" : d.Name.Trim(),
                d.RuleType!.Value,
                d.ThresholdValue!.Value,
                d.ThresholdUnit,
                d.Action,
                d.StrategyId,
                [.. d.Symbols ?? []],
                d.Params ?? new RiskRuleParams(null)))];
            source = BacktestRulesSource.Draft;
        }
        else
        {
            var active = await rules.ListAsync(new ActiveRiskRulesForUserSpec(userId), cancellationToken);
            definitions = [.. active.OrderBy(r => (int)r.RuleType).ThenBy(r => r.Id).Select(BacktestRuleDefinition.From)];
            source = BacktestRulesSource.Account;
        }

        // Each rule is built once here, so that a definition the aggregate refuses is a 400 now rather than a failed job later.
        for (var i = 0; i < definitions.Count; i++)
        {
            definitions[i].ToRule(userId, i);
        }

        return new BacktestPlan(
            userId, from, to, request.StartingCash ?? PaperAccount.DefaultStartingCash, orders, definitions, source);
    }
}
