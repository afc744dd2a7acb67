using Mapster;
using RiskPlatform.Domain.Auditing;

namespace RiskPlatform.Application.AuditLogs.Queries.ListAuditLogs;

public sealed record AuditLogDto(
    Guid Id,
    Guid? UserId,
    string Action,
    string? ResourceType,
    Guid? ResourceId,
    AuditOutcome Outcome,
    string? ErrorCode,
    string? IpAddress,
    string? UserAgent,
    string? TraceId,
    long DurationMs,
    DateTime Timestamp,
    string? Description);

internal sealed class AuditLogDtoMapping : IRegister
{
    public void Register(TypeAdapterConfig config) => config.NewConfig<AuditLog, AuditLogDto>();
}
