using RiskPlatform.Application.Common.Exceptions;
using RiskPlatform.Application.RiskRules.Common;
using RiskPlatform.Domain.Common;
using RiskPlatform.Domain.RiskRules;

namespace RiskPlatform.Application.Backtesting.Common;

/// <summary>
/// A backtest ready to run: the request with its defaults applied and its rules resolved (the caller's active rules as they were
/// when it was asked, or the drafts). A job stores it as JSON and runs it later exactly as it was planned.
/// </summary>
public sealed record BacktestPlan(
    Guid UserId,
    DateOnly From,
    DateOnly To,
    decimal StartingCash,
    IReadOnlyList<BacktestOrderRequest> Orders,
    IReadOnlyList<BacktestRuleDefinition> Rules,
    BacktestRulesSource RulesSource);

/// <summary>A rule as the backtest uses it: a stored rule's id and definition, or a draft's (no id).</summary>
public sealed record BacktestRuleDefinition(
    Guid? RuleId,
    string Name,
    RiskRuleType RuleType,
    decimal ThresholdValue,
    ThresholdUnit ThresholdUnit,
    RiskAction Action,
    Guid? StrategyId,
    IReadOnlyList<string> Symbols,
    RiskRuleParams Params)
{
    public static BacktestRuleDefinition From(RiskRule rule)
    {
        ArgumentNullException.ThrowIfNull(rule);
        return new(rule.Id, rule.Name, rule.RuleType, rule.ThresholdValue, rule.ThresholdUnit, rule.Action, rule.StrategyId, [.. rule.Symbols],
            RiskRuleParamsOf(rule));
    }

    /// <summary>
    /// The rule the engine runs. A draft gets a fixed id from its index (00000000-0000-0000-0000-00000000000N), so that rules of one
    /// type are evaluated in the order given and the result is the same on every run.
    /// </summary>
    public RiskRule ToRule(Guid userId, int index)
    {
        try
        {
            return RiskRule.Create(
                userId, Name, null, RuleType, ThresholdValue, ThresholdUnit, Action, isActive: true, StrategyId, Symbols, Params.WindowSeconds,
                id: RuleId ?? DraftId(index), lookbackDays: Params.LookbackDays, sectors: Params.Sectors);
        }
        catch (DomainException exception) when (RiskRuleFieldErrors.FieldOf(exception.Code) is { } field)
        {
            throw new ValidationException($"rules[{index}].{field}", exception.Message);
        }
    }

    public static Guid DraftId(int index) => new(0, 0, 0, [0, 0, 0, 0, (byte)(index >> 24), (byte)(index >> 16), (byte)(index >> 8), (byte)index]);

    private static RiskRuleParams RiskRuleParamsOf(RiskRule rule) =>
        new(rule.WindowSeconds, rule.LookbackDays, rule.Sectors.Count > 0 ? [.. rule.Sectors] : null);
}

/// <summary>Where a backtest's rules came from. Wire values: <c>account</c> (the caller's active rules), <c>draft</c>.</summary>
public enum BacktestRulesSource
{
    Account,
    Draft,
}
