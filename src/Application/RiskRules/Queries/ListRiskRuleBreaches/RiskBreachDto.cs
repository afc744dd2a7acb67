using Mapster;
using RiskPlatform.Domain.Portfolio.Monitoring;
using RiskPlatform.Domain.RiskRules;

namespace RiskPlatform.Application.RiskRules.Queries.ListRiskRuleBreaches;

/// <summary>
/// One breach as the clients display it (<c>rule_id, rule_name, rule_type, threshold_value, threshold_unit, current_value, action,
/// message, timestamp</c>) plus its id, the limit it was measured against, the symbol, the order and where it was detected.
/// <see cref="CurrentValue"/> is the observed value, in the rule's threshold unit like <see cref="Limit"/>.
/// A breach found by the portfolio monitor opened a breach episode (counted once however long it lasts): <see cref="EpisodeId"/>
/// names it, and the episode fields say when it started and ended (null while open), its worst value (same unit), the action
/// taken and when, and why it ended. Pre-trade breaches have no episode; those fields are null.
/// </summary>
public sealed record RiskBreachDto(
    Guid Id,
    Guid RuleId,
    string RuleName,
    RiskRuleType RuleType,
    decimal ThresholdValue,
    ThresholdUnit ThresholdUnit,
    decimal CurrentValue,
    decimal Limit,
    RiskAction Action,
    string? Message,
    string? Symbol,
    Guid? OrderId,
    BreachSource Source,
    DateTime Timestamp,
    Guid? EpisodeId)
{
    public DateTime? EpisodeStartedAt { get; init; }

    public DateTime? EpisodeEndedAt { get; init; }

    public decimal? WorstValue { get; init; }

    public RiskAction? ActionTaken { get; init; }

    public DateTime? ActionTakenAt { get; init; }

    public EpisodeEndReason? EndReason { get; init; }

    /// <summary>This breach with its episode's fields filled in.</summary>
    public RiskBreachDto WithEpisode(BreachEpisode episode) => this with
    {
        EpisodeStartedAt = episode.StartedAt,
        EpisodeEndedAt = episode.EndedAt,
        WorstValue = episode.WorstObserved,
        ActionTaken = episode.ActionTakenAt is null ? null : episode.Action,
        ActionTakenAt = episode.ActionTakenAt,
        EndReason = episode.EndReason,
    };
}

internal sealed class RiskBreachDtoMapping : IRegister
{
    public void Register(TypeAdapterConfig config) => config.NewConfig<RiskBreach, RiskBreachDto>()
        .Map(d => d.CurrentValue, s => s.Observed)
        .Map(d => d.Timestamp, s => s.OccurredAt)
        .Ignore(d => d.EpisodeStartedAt!, d => d.EpisodeEndedAt!, d => d.WorstValue!, d => d.ActionTaken!, d => d.ActionTakenAt!, d => d.EndReason!);
}
