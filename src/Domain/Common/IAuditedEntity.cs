namespace RiskPlatform.Domain.Common;

/// <summary>Creation and update timestamps, stamped in UTC by the persistence layer from the injected clock.</summary>
public interface IAuditedEntity
{
    DateTime CreatedAt { get; set; }

    DateTime UpdatedAt { get; set; }
}
