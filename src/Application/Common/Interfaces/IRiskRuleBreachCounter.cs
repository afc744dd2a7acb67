namespace RiskPlatform.Application.Common.Interfaces;

/// <summary>Advances a rule's breach_count and last_breach_at in one atomic statement, inside the command's transaction.</summary>
public interface IRiskRuleBreachCounter
{
    Task IncrementAsync(Guid ruleId, DateTime occurredAt, CancellationToken cancellationToken);
}
