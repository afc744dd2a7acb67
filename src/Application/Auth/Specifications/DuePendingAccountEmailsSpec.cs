using Ardalis.Specification;
using RiskPlatform.Domain.Users;

namespace RiskPlatform.Application.Auth.Specifications;

/// <summary>Account emails whose next attempt is due, the longest waiting first (tracked: the sender claims them).</summary>
public sealed class DuePendingAccountEmailsSpec : Specification<PendingAccountEmail>
{
    public DuePendingAccountEmailsSpec(DateTime now, int take) => Query.Where(e => e.NextAttemptAt <= now).OrderBy(e => e.NextAttemptAt).Take(take);
}
