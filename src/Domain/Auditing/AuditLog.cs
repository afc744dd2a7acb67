using RiskPlatform.Domain.Common;

namespace RiskPlatform.Domain.Auditing;

/// <summary>One row per command: who did what to which resource, from where, and how it ended.</summary>
public sealed class AuditLog : AggregateRoot
{
    public const int DescriptionMaxLength = 1000;

    private AuditLog()
    {
    }

    public Guid? UserId { get; private set; }

    public string Action { get; private set; } = string.Empty;

    public string? ResourceType { get; private set; }

    public Guid? ResourceId { get; private set; }

    public AuditOutcome Outcome { get; private set; }

    public string? ErrorCode { get; private set; }

    public string? IpAddress { get; private set; }

    public string? UserAgent { get; private set; }

    public string? TraceId { get; private set; }

    public long DurationMs { get; private set; }

    public DateTime Timestamp { get; private set; }

    public string? Description { get; private set; }

    public static AuditLog Record(
        Guid? userId,
        string action,
        string? resourceType,
        Guid? resourceId,
        AuditOutcome outcome,
        string? errorCode,
        string? ipAddress,
        string? userAgent,
        string? traceId,
        long durationMs,
        DateTime timestamp,
        string? description) => new()
        {
            UserId = userId,
            Action = action,
            ResourceType = resourceType,
            ResourceId = resourceId,
            Outcome = outcome,
            ErrorCode = errorCode,
            IpAddress = Truncate(ipAddress, 64),
            UserAgent = Truncate(userAgent, 512),
            TraceId = Truncate(traceId, 64),
            DurationMs = durationMs,
            Timestamp = timestamp,
            Description = Truncate(description, DescriptionMaxLength),
        };

    private static string? Truncate(string? value, int max) =>
        value is null || value.Length <= max ? value : value[..max];
}
