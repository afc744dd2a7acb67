using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;
using RiskPlatform.Domain.Auditing;

namespace RiskPlatform.Infrastructure.Persistence.Configurations;

internal sealed class AuditLogConfiguration : IEntityTypeConfiguration<AuditLog>
{
    private static readonly ValueConverter<AuditOutcome, string> OutcomeConverter = new(
        outcome => ToColumn(outcome),
        value => FromColumn(value));

    public void Configure(EntityTypeBuilder<AuditLog> builder)
    {
        builder.ToTable("audit_logs");
        builder.HasKey(a => a.Id);
        builder.Property(a => a.Action).HasMaxLength(128).IsRequired();
        builder.Property(a => a.ResourceType).HasMaxLength(64);
        // Stored as the wire contract spells it: succeeded, failed, denied.
        builder.Property(a => a.Outcome).HasConversion(OutcomeConverter).HasMaxLength(16);
        builder.Property(a => a.ErrorCode).HasMaxLength(64);
        builder.Property(a => a.IpAddress).HasMaxLength(64);
        builder.Property(a => a.UserAgent).HasMaxLength(512);
        builder.Property(a => a.TraceId).HasMaxLength(64);
        builder.Property(a => a.Description).HasMaxLength(AuditLog.DescriptionMaxLength);
        builder.Property(a => a.Hash).HasMaxLength(64);

        // The head of each chain (the newest row), read under the chain's lock before every insert; unique, so a fork fails.
        builder.HasIndex(a => new { a.Chain, a.ChainSequence }).IsUnique().HasDatabaseName("ux_audit_logs_chain_sequence");

        // Serves the caller's trail, newest first, optionally narrowed to one resource.
        builder.HasIndex(a => new { a.UserId, a.Timestamp }).HasDatabaseName("ix_audit_logs_user_recent");
        builder.HasIndex(a => new { a.ResourceType, a.ResourceId, a.Timestamp }).HasDatabaseName("ix_audit_logs_resource_recent");
        builder.Ignore(a => a.DomainEvents);
    }

    internal static string ToColumn(AuditOutcome outcome) => outcome switch
    {
        AuditOutcome.Succeeded => "succeeded",
        AuditOutcome.Failed => "failed",
        AuditOutcome.Denied => "denied",
        _ => throw new ArgumentOutOfRangeException(nameof(outcome), outcome, "Unknown audit outcome."),
    };

    /// <summary>Reads the stored spelling; rows written before the lower-case migration read too.</summary>
    internal static AuditOutcome FromColumn(string value) => Enum.Parse<AuditOutcome>(value, ignoreCase: true);
}
