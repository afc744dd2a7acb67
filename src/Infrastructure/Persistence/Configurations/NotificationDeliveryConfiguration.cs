using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using RiskPlatform.Domain.Notifications;

namespace RiskPlatform.Infrastructure.Persistence.Configurations;

internal sealed class NotificationDeliveryConfiguration : IEntityTypeConfiguration<NotificationDelivery>
{
    public void Configure(EntityTypeBuilder<NotificationDelivery> builder)
    {
        builder.ToTable("notification_deliveries");
        builder.HasKey(d => d.Id);
        builder.Property(d => d.Channel).HasConversion<string>().HasMaxLength(16);
        builder.Property(d => d.Status).HasConversion<string>().HasMaxLength(16);
        builder.Property(d => d.StatusReason).HasMaxLength(NotificationDelivery.StatusReasonMaxLength);
        builder.Property(d => d.LastError).HasMaxLength(NotificationDelivery.LastErrorMaxLength);
        builder.Property(d => d.Recipient).HasMaxLength(NotificationDelivery.RecipientMaxLength);
        builder.Property(d => d.ExternalId).HasMaxLength(NotificationDelivery.ExternalIdMaxLength);
        builder.Property(d => d.ConcurrencyStamp).IsConcurrencyToken();

        // Deleting a notification (one, or clear-all in one statement) deletes its delivery rows with it, so the outbox
        // never sends for a notification the user removed. No foreign key to users: it would be a second cascade path.
        builder.HasOne<Notification>().WithMany().HasForeignKey(d => d.NotificationId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(d => d.NotificationId).HasDatabaseName("ix_notification_deliveries_notification");

        // The outbox: due rows are status pending/scheduled with next_attempt_at <= now.
        builder.HasIndex(d => new { d.Status, d.NextAttemptAt }).HasDatabaseName("ix_notification_deliveries_due");

        // SMS status callbacks find their row by the provider's message id. No foreign key to the webhook endpoint: a
        // deleted endpoint leaves its rows, which the outbox then drops (endpoint_deleted).
        builder.HasIndex(d => d.ExternalId).HasDatabaseName("ix_notification_deliveries_external_id");

        // A digest's leading row finds the rows that joined it. No foreign key: a follower whose leader is gone goes out on its own.
        builder.HasIndex(d => d.DigestLeaderId).HasDatabaseName("ix_notification_deliveries_digest_leader");

        // The caps count a user's rows on a channel over the last hour and day.
        builder.HasIndex(d => new { d.UserId, d.Channel, d.CreatedAt }).HasDatabaseName("ix_notification_deliveries_user_channel_recent");
        builder.Ignore(d => d.DomainEvents);
    }
}
