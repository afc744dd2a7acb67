using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using RiskPlatform.Domain.Portfolio.Monitoring;
using RiskPlatform.Domain.RiskRules;
using RiskPlatform.Domain.Trading.Orders;
using RiskPlatform.Domain.Users;

namespace RiskPlatform.Infrastructure.Persistence.Configurations;

/// <summary>
/// The monitor's outbox of broker actions, written with the episode that decided them and executed after the commit. No foreign
/// key to breach_episodes (the episode id is a reference, like the rule id of a breach).
/// </summary>
internal sealed class MonitorActionConfiguration : IEntityTypeConfiguration<MonitorAction>
{
    public void Configure(EntityTypeBuilder<MonitorAction> builder)
    {
        builder.ToTable("monitor_actions");
        builder.HasKey(a => a.Id);
        builder.Property(a => a.Kind).HasConversion<string>().HasMaxLength(16);
        builder.Property(a => a.Status).HasConversion<string>().HasMaxLength(16);
        builder.Property(a => a.Symbol).HasMaxLength(RiskRule.SymbolMaxLength);
        builder.Property(a => a.ClientOrderId).HasMaxLength(Order.ClientOrderIdMaxLength);
        builder.Property(a => a.LastError).HasMaxLength(MonitorAction.LastErrorMaxLength);
        builder.Property(a => a.Result).HasMaxLength(MonitorAction.ResultMaxLength);
        builder.Property(a => a.ConcurrencyStamp).IsConcurrencyToken();
        builder.HasOne<User>().WithMany().HasForeignKey(a => a.UserId).OnDelete(DeleteBehavior.Cascade);

        // The runner reads a user's pending actions in order; the retry sweep finds the owners of pending actions.
        builder.HasIndex(a => new { a.UserId, a.Status, a.CreatedAt }).HasDatabaseName("ix_monitor_actions_user_pending");
        builder.HasIndex(a => new { a.Status, a.UserId }).HasDatabaseName("ix_monitor_actions_pending_users");
        builder.HasIndex(a => a.EpisodeId).HasDatabaseName("ix_monitor_actions_episode");
        builder.Ignore(a => a.IsPending);
        builder.Ignore(a => a.DomainEvents);
    }
}
