namespace RiskPlatform.Domain.RiskRules;

/// <summary>What <see cref="RiskRule.Update"/> changed, field by field.</summary>
public sealed class RiskRuleChangeSet(IReadOnlyList<RiskRuleFieldChange> changes)
{
    public IReadOnlyList<RiskRuleFieldChange> Changes { get; } = changes;

    public bool HasChanges => Changes.Count > 0;

    /// <summary>Audit-trail text such as <c>threshold_value: 2 -> 3; action: alert -> block</c>, or <c>no changes</c>.</summary>
    public string Describe() => HasChanges ? string.Join("; ", Changes) : "no changes";

    public override string ToString() => Describe();
}
