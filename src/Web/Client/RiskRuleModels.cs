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
