using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using RiskPlatform.Domain.Auditing;

namespace RiskPlatform.Infrastructure.Persistence.Configurations;

internal sealed class AuditLogConfiguration : IEntityTypeConfiguration<AuditLog>
{
    public void Configure(EntityTypeBuilder<AuditLog> builder)
    {
        builder.ToTable("audit_logs");
        builder.HasKey(a => a.Id);
        builder.Property(a => a.Action).HasMaxLength(128).IsRequired();
        builder.Property(a => a.ResourceType).HasMaxLength(64);
        builder.Property(a => a.Outcome).HasConversion<string>().HasMaxLength(16);
        builder.Property(a => a.ErrorCode).HasMaxLength(64);
        builder.Property(a => a.IpAddress).HasMaxLength(64);
        builder.Property(a => a.UserAgent).HasMaxLength(512);
        builder.Property(a => a.TraceId).HasMaxLength(64);
        builder.Property(a => a.Description).HasMaxLength(AuditLog.DescriptionMaxLength);

        // Serves the caller's trail, newest first, optionally narrowed to one resource.
        builder.HasIndex(a => new { a.UserId, a.Timestamp }).HasDatabaseName("ix_audit_logs_user_recent");
        builder.HasIndex(a => new { a.ResourceType, a.ResourceId, a.Timestamp }).HasDatabaseName("ix_audit_logs_resource_recent");
        builder.Ignore(a => a.DomainEvents);
    }
}
