using Microsoft.EntityFrameworkCore;
using RiskPlatform.Application.Common.Interfaces;
using RiskPlatform.Domain.RiskRules;

namespace RiskPlatform.Infrastructure.Persistence;

/// <summary><c>UPDATE risk_rules SET breach_count = breach_count + 1 …</c>: the database serialises concurrent increments.</summary>
internal sealed class RiskRuleBreachCounter(RiskPlatformDbContext dbContext) : IRiskRuleBreachCounter
{
    public Task IncrementAsync(Guid ruleId, DateTime occurredAt, CancellationToken cancellationToken) =>
        dbContext.Set<RiskRule>()
            .Where(r => r.Id == ruleId)
            .ExecuteUpdateAsync(
                setters => setters
                    .SetProperty(r => r.BreachCount, r => r.BreachCount + 1)
                    .SetProperty(r => r.LastBreachAt, r => r.LastBreachAt == null || r.LastBreachAt < occurredAt ? occurredAt : r.LastBreachAt),
                cancellationToken);
}
