namespace RiskPlatform.Web.Client;

/// <summary>Wire shapes of <c>/api/v1/risk-rules</c>.</summary>
public sealed record RiskRule(
    Guid Id,
    string Name,
    string? Description,
    string RuleType,
    decimal ThresholdValue,
    string ThresholdUnit,
    string Action,
    bool IsActive,
    IReadOnlyList<string> Symbols,
    RiskRuleParameters Params,
    int BreachCount,
    DateTime? LastBreachAt,
    DateTime CreatedAt,
    DateTime UpdatedAt);

public sealed record RiskRuleParameters(int? WindowSeconds);

/// <summary>The body of a create, and of an update (which sends every field: the form edits the whole rule).</summary>
public sealed record RiskRuleRequest(
    string Name,
    string? Description,
    string RuleType,
    decimal? ThresholdValue,
    string ThresholdUnit,
    string Action,
    bool IsActive,
    IReadOnlyList<string> Symbols,
    RiskRuleParameters? Params);

public sealed record RiskRuleActivation(bool IsActive);

/// <summary>
/// One breach of a rule (<c>GET /risk-rules/{id}/breaches</c>), newest first. A breach the monitor found belongs to an episode
/// (counted once however long it lasts): when it started and ended (null while open), its worst value, the action taken and why it
/// ended. Pre-trade breaches have no episode.
/// </summary>
public sealed record RiskBreach(
    Guid Id,
    string RuleName,
    string ThresholdUnit,
    decimal CurrentValue,
    decimal Limit,
    string Action,
    string? Message,
    string? Symbol,
    Guid? OrderId,
    string Source,
    DateTime Timestamp,
    Guid? EpisodeId,
    DateTime? EpisodeStartedAt,
    DateTime? EpisodeEndedAt,
    decimal? WorstValue,
    string? ActionTaken,
    DateTime? ActionTakenAt,
    string? EndReason);
