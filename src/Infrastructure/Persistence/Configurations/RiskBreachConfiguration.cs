using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using RiskPlatform.Domain.RiskRules;
using RiskPlatform.Domain.Users;

namespace RiskPlatform.Infrastructure.Persistence.Configurations;

internal sealed class RiskBreachConfiguration : IEntityTypeConfiguration<RiskBreach>
{
    public void Configure(EntityTypeBuilder<RiskBreach> builder)
    {
        builder.ToTable("risk_breaches");
        builder.HasKey(b => b.Id);
        builder.Property(b => b.RuleName).HasMaxLength(RiskRule.NameMaxLength).IsRequired();
        builder.Property(b => b.RuleType).HasConversion<string>().HasMaxLength(32);
        builder.Property(b => b.ThresholdUnit).HasConversion<string>().HasMaxLength(16);
        builder.Property(b => b.Action).HasConversion<string>().HasMaxLength(16);
        builder.Property(b => b.Source).HasConversion<string>().HasMaxLength(16);
        builder.Property(b => b.Symbol).HasMaxLength(RiskRule.SymbolMaxLength);
        builder.Property(b => b.Message).HasMaxLength(RiskBreach.MessageMaxLength);
        builder.HasOne<User>().WithMany().HasForeignKey(b => b.UserId).OnDelete(DeleteBehavior.Cascade);

        // History survives the rule's deletion (no foreign key to risk_rules); served newest first per rule.
        builder.HasIndex(b => new { b.RuleId, b.OccurredAt }).HasDatabaseName("ix_risk_breaches_rule_recent");
        builder.HasIndex(b => new { b.UserId, b.OccurredAt }).HasDatabaseName("ix_risk_breaches_user_recent");

        // A monitor breach names the episode it opened (null for pre-trade breaches); no foreign key, like the rule.
        builder.HasIndex(b => b.EpisodeId).HasDatabaseName("ix_risk_breaches_episode");
        builder.Ignore(b => b.DomainEvents);
    }
}
