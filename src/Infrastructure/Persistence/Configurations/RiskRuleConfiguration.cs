using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using RiskPlatform.Domain.RiskRules;
using RiskPlatform.Domain.Users;

namespace RiskPlatform.Infrastructure.Persistence.Configurations;

internal sealed class RiskRuleConfiguration : IEntityTypeConfiguration<RiskRule>
{
    public void Configure(EntityTypeBuilder<RiskRule> builder)
    {
        builder.ToTable("risk_rules");
        builder.HasKey(r => r.Id);
        builder.Property(r => r.Name).HasMaxLength(RiskRule.NameMaxLength).IsRequired();
        builder.Property(r => r.Description).HasMaxLength(2000);
        builder.Property(r => r.RuleType).HasConversion<string>().HasMaxLength(32);
        builder.Property(r => r.ThresholdUnit).HasConversion<string>().HasMaxLength(16);
        builder.Property(r => r.Action).HasConversion<string>().HasMaxLength(16);
        builder.Property(r => r.ThresholdValue).HasPrecision(28, 8);
        builder.PrimitiveCollection(r => r.Symbols).HasField("_symbols").UsePropertyAccessMode(PropertyAccessMode.Field);

        // sector_limit's sectors (JSON, like symbols) and max_correlation's lookback_days; empty and null for the other types.
        builder.PrimitiveCollection(r => r.Sectors).HasField("_sectors").UsePropertyAccessMode(PropertyAccessMode.Field);
        builder.Ignore(r => r.EffectiveLookbackDays);
        builder.Property(r => r.ConcurrencyStamp).IsConcurrencyToken();
        builder.HasOne<User>().WithMany().HasForeignKey(r => r.UserId).OnDelete(DeleteBehavior.Cascade);

        // Serves the pre-trade lookup (a user's active rules) and the list endpoint.
        builder.HasIndex(r => new { r.UserId, r.IsActive }).HasDatabaseName("ix_risk_rules_user_active");
        builder.Ignore(r => r.DomainEvents);
    }
}
