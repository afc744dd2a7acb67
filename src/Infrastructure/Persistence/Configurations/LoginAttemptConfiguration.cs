using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using RiskPlatform.Domain.Users;

namespace RiskPlatform.Infrastructure.Persistence.Configurations;

internal sealed class LoginAttemptConfiguration : IEntityTypeConfiguration<LoginAttempt>
{
    public void Configure(EntityTypeBuilder<LoginAttempt> builder)
    {
        builder.ToTable("login_attempts");
        builder.HasKey(a => a.Id);
        builder.Property(a => a.NormalizedEmail).HasMaxLength(254).IsRequired();
        builder.Property(a => a.IpAddress).HasMaxLength(64);
        builder.HasIndex(a => new { a.NormalizedEmail, a.AttemptedAt }).HasDatabaseName("ix_login_attempts_email_recent");
        builder.HasIndex(a => new { a.IpAddress, a.AttemptedAt }).HasDatabaseName("ix_login_attempts_ip_recent");
        builder.HasIndex(a => a.AttemptedAt).HasDatabaseName("ix_login_attempts_attempted_at");
        builder.Ignore(a => a.DomainEvents);
    }
}
