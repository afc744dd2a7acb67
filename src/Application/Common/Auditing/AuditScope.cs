namespace RiskPlatform.Application.Common.Auditing;

/// <summary>
/// What the current command is acting on, filled in by its handler (scoped per request) and read by the audit behaviour.
/// Handlers describe in words; they never pass the request itself, so secrets cannot reach the audit row.
/// </summary>
public sealed class AuditScope
{
    public string? ResourceType { get; private set; }

    public Guid? ResourceId { get; private set; }

    public string? Description { get; private set; }

    /// <summary>Set when the command itself establishes who the caller is (login, register, refresh).</summary>
    public Guid? ActingUserId { get; private set; }

    /// <summary>Set when the command completes normally but its business outcome was a failure (a credential that failed verification).</summary>
    public string? FailureCode { get; private set; }

    /// <summary>
    /// Set by a background command whose run changed nothing worth a record (a quiet monitor evaluation): its success writes no
    /// row. A failure is still recorded.
    /// </summary>
    public bool IsUnremarkable { get; private set; }

    public AuditScope Target(string resourceType, Guid? resourceId)
    {
        ResourceType = resourceType;
        ResourceId = resourceId;
        return this;
    }

    public AuditScope Describe(string description)
    {
        Description = description;
        return this;
    }

    /// <summary>Records the command as failed while still committing what it changed (counters, timestamps).</summary>
    public AuditScope Fail(string errorCode)
    {
        FailureCode = errorCode;
        return this;
    }

    /// <summary>Nothing happened that an operator or the user would look for: a successful run writes no audit row.</summary>
    public AuditScope Unremarkable()
    {
        IsUnremarkable = true;
        return this;
    }

    public AuditScope ActAs(Guid userId)
    {
        ActingUserId = userId;
        return this;
    }
}
