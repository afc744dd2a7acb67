namespace RiskPlatform.Domain.RiskRules;

/// <summary>One changed field of a rule, by its wire name, with old and new values formatted for the audit trail.</summary>
public sealed record RiskRuleFieldChange(string Field, string OldValue, string NewValue)
{
    public override string ToString() => $"{Field}: {OldValue} -> {NewValue}";
}
