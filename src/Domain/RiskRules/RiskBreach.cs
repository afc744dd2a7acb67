using RiskPlatform.Domain.Common;
using RiskPlatform.Domain.RiskRules.Events;

namespace RiskPlatform.Domain.RiskRules;

/// <summary>
/// One breach of a rule: what was observed against which limit, for which symbol and order, and what the rule's action was.
/// The rule's name, type and threshold are copied so the history still reads correctly after the rule is edited or deleted.
/// </summary>
public sealed class RiskBreach : AggregateRoot
{
    public const int MessageMaxLength = 500;

    private RiskBreach()
    {
    }

    public Guid UserId { get; private set; }

    public Guid RuleId { get; private set; }

    public string RuleName { get; private set; } = string.Empty;

    public RiskRuleType RuleType { get; private set; }

    public RiskAction Action { get; private set; }

    public decimal ThresholdValue { get; private set; }

    public ThresholdUnit ThresholdUnit { get; private set; }

    public decimal Observed { get; private set; }

    public decimal Limit { get; private set; }

    public string? Symbol { get; private set; }

    public Guid? OrderId { get; private set; }

    public string? Message { get; private set; }

    public BreachSource Source { get; private set; }

    /// <summary>The monitor's <see cref="Portfolio.BreachEpisode"/> this breach opened (null for pre-trade breaches).</summary>
    public Guid? EpisodeId { get; private set; }

    public DateTime OccurredAt { get; private set; }

    internal static RiskBreach Record(
        RiskRule rule, decimal observed, decimal limit, string? symbol, Guid? orderId, string? reason, BreachSource source, DateTime occurredAt, Guid? episodeId = null)
    {
        var breach = new RiskBreach
        {
            UserId = rule.UserId,
            RuleId = rule.Id,
            RuleName = rule.Name,
            RuleType = rule.RuleType,
            Action = rule.Action,
            ThresholdValue = rule.ThresholdValue,
            ThresholdUnit = rule.ThresholdUnit,
            Observed = observed,
            Limit = limit,
            Symbol = symbol?.ToUpperInvariant(),
            OrderId = orderId,
            Message = reason is { Length: > MessageMaxLength } ? reason[..MessageMaxLength] : reason,
            Source = source,
            EpisodeId = episodeId,
            OccurredAt = occurredAt,
        };
        breach.Raise(new RiskRuleBreached(
            rule.UserId, rule.Id, rule.Name, rule.RuleType, rule.Action, rule.ThresholdUnit, observed, limit, breach.Symbol, orderId, reason, occurredAt));
        return breach;
    }
}
