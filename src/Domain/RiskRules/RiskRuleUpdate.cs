namespace RiskPlatform.Domain.RiskRules;

/// <summary>
/// A partial update of a <see cref="RiskRule"/>: a null property leaves the field unchanged.
/// <see cref="Description"/> set to an empty string clears it; <see cref="ClearStrategyId"/> makes the rule apply to all strategies;
/// <see cref="Symbols"/> replaces the whole list (an empty list makes the rule apply to all symbols).
/// </summary>
public sealed record RiskRuleUpdate
{
    public string? Name { get; init; }

    public string? Description { get; init; }

    public RiskRuleType? RuleType { get; init; }

    public decimal? ThresholdValue { get; init; }

    public ThresholdUnit? ThresholdUnit { get; init; }

    public RiskAction? Action { get; init; }

    public bool? IsActive { get; init; }

    public Guid? StrategyId { get; init; }

    public bool ClearStrategyId { get; init; }

    public IReadOnlyList<string>? Symbols { get; init; }

    public int? WindowSeconds { get; init; }

    /// <summary>max_correlation's window; changing the type to another clears it unless set here.</summary>
    public int? LookbackDays { get; init; }

    /// <summary>sector_limit's sectors, replacing the whole list (empty: every sector); another type clears them.</summary>
    public IReadOnlyList<string>? Sectors { get; init; }
}
