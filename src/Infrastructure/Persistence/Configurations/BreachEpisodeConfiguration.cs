using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using RiskPlatform.Domain.Portfolio.Monitoring;
using RiskPlatform.Domain.RiskRules;
using RiskPlatform.Domain.Users;

namespace RiskPlatform.Infrastructure.Persistence.Configurations;

/// <summary>
/// Breach episodes of the portfolio monitor. Rule name, type, unit and action are copies (history survives the rule's deletion,
/// so no foreign key to risk_rules); observed values and limits are in the rule's unit.
/// </summary>
internal sealed class BreachEpisodeConfiguration : IEntityTypeConfiguration<BreachEpisode>
{
    private const int ValuePrecision = 38;
    private const int ValueScale = 16;

    public void Configure(EntityTypeBuilder<BreachEpisode> builder)
    {
        builder.ToTable("breach_episodes");
        builder.HasKey(e => e.Id);
        builder.Property(e => e.RuleName).HasMaxLength(RiskRule.NameMaxLength).IsRequired();
        builder.Property(e => e.RuleType).HasConversion<string>().HasMaxLength(32);
        builder.Property(e => e.ThresholdUnit).HasConversion<string>().HasMaxLength(16);
        builder.Property(e => e.Action).HasConversion<string>().HasMaxLength(16);
        builder.Property(e => e.EndReason).HasConversion<string>().HasMaxLength(32);
        builder.Property(e => e.Symbol).HasMaxLength(RiskRule.SymbolMaxLength);
        builder.Property(e => e.FirstObserved).HasPrecision(ValuePrecision, ValueScale);
        builder.Property(e => e.WorstObserved).HasPrecision(ValuePrecision, ValueScale);
        builder.Property(e => e.Limit).HasPrecision(ValuePrecision, ValueScale);
        builder.Property(e => e.ConcurrencyStamp).IsConcurrencyToken();
        builder.HasOne<User>().WithMany().HasForeignKey(e => e.UserId).OnDelete(DeleteBehavior.Cascade);

        // The monitor loads a user's open episodes (EndedAt null) every tick; history per rule reads newest first.
        builder.HasIndex(e => new { e.UserId, e.EndedAt }).HasDatabaseName("ix_breach_episodes_user_open");
        builder.HasIndex(e => new { e.RuleId, e.StartedAt }).HasDatabaseName("ix_breach_episodes_rule_recent");
        builder.Ignore(e => e.IsOpen);
        builder.Ignore(e => e.DomainEvents);
    }
}
