using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using RiskPlatform.Domain.Users;

namespace RiskPlatform.Infrastructure.Persistence.Configurations;

internal sealed class PendingAccountEmailConfiguration : IEntityTypeConfiguration<PendingAccountEmail>
{
    public void Configure(EntityTypeBuilder<PendingAccountEmail> builder)
    {
        builder.ToTable("pending_account_emails");
        builder.HasKey(e => e.Id);
        builder.Property(e => e.Kind).HasConversion<string>().HasMaxLength(32);
        builder.Property(e => e.ConcurrencyStamp).IsConcurrencyToken();
        builder.HasIndex(e => e.NextAttemptAt).HasDatabaseName("ix_pending_account_emails_due");
        builder.HasOne<User>().WithMany().HasForeignKey(e => e.UserId).OnDelete(DeleteBehavior.Cascade);
        builder.Ignore(e => e.IsExhausted);
        builder.Ignore(e => e.DomainEvents);
    }
}
