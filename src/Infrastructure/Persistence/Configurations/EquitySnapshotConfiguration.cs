using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using RiskPlatform.Domain.Portfolio.Equity;
using RiskPlatform.Domain.Users;

namespace RiskPlatform.Infrastructure.Persistence.Configurations;

/// <summary>A user's equity history, read (and compacted) per user in time order.</summary>
internal sealed class EquitySnapshotConfiguration : IEntityTypeConfiguration<EquitySnapshot>
{
    public void Configure(EntityTypeBuilder<EquitySnapshot> builder)
    {
        builder.ToTable("equity_snapshots");
        builder.HasKey(s => s.Id);
        builder.Property(s => s.Equity).HasPrecision(38, 16);
        builder.HasOne<User>().WithMany().HasForeignKey(s => s.UserId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(s => new { s.UserId, s.At }).HasDatabaseName("ix_equity_snapshots_user_history");
        builder.Ignore(s => s.DomainEvents);
    }
}
