namespace RiskPlatform.Domain.Auditing;

public enum AuditOutcome
{
    Succeeded,
    Failed,
    Denied,
}
