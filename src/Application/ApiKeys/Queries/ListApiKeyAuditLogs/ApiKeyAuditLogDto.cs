using Mapster;
using RiskPlatform.Domain.Auditing;

namespace RiskPlatform.Application.ApiKeys.Queries.ListApiKeyAuditLogs;

/// <summary>An audit row in the shape the existing clients read: <see cref="ErrorMessage"/> holds the error code.</summary>
public sealed record ApiKeyAuditLogDto(
    Guid Id,
    Guid? ApiKeyId,
    Guid? UserId,
    string Action,
    string? Description,
    string? IpAddress,
    string? UserAgent,
    bool Success,
    string? ErrorMessage,
    DateTime CreatedAt);

internal sealed class ApiKeyAuditLogDtoMapping : IRegister
{
    public void Register(TypeAdapterConfig config) => config.NewConfig<AuditLog, ApiKeyAuditLogDto>()
        .Map(d => d.ApiKeyId, s => s.ResourceId)
        .Map(d => d.Success, s => s.Outcome == AuditOutcome.Succeeded)
        .Map(d => d.ErrorMessage, s => s.ErrorCode)
        .Map(d => d.CreatedAt, s => s.Timestamp);
}
