using Ardalis.Specification;
using RiskPlatform.Domain.Users;

namespace RiskPlatform.Application.Auth.Specifications;

/// <summary>Failed sign-ins recorded before a time (served by <c>ix_login_attempts_attempted_at</c>).</summary>
public sealed class LoginAttemptsBeforeSpec : Specification<LoginAttempt>
{
    public LoginAttemptsBeforeSpec(DateTime before) => Query.Where(a => a.AttemptedAt < before);
}
