using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using RiskPlatform.Domain.Notifications;
using RiskPlatform.Domain.Users;

namespace RiskPlatform.Infrastructure.Persistence.Configurations;

internal sealed class NotificationConfiguration : IEntityTypeConfiguration<Notification>
{
    public void Configure(EntityTypeBuilder<Notification> builder)
    {
        builder.ToTable("notifications");
        builder.HasKey(n => n.Id);
        builder.Property(n => n.Type).HasConversion<string>().HasMaxLength(32);
        builder.Property(n => n.Priority).HasConversion<string>().HasMaxLength(16);
        builder.Property(n => n.Title).HasMaxLength(Notification.TitleMaxLength).IsRequired();
        builder.Property(n => n.Message).HasMaxLength(Notification.MessageMaxLength).IsRequired();
        builder.Property(n => n.DataJson).HasMaxLength(Notification.DataJsonMaxLength).IsRequired();

        // The channels that delivered it, in order, as "InApp,Email" (a handful of values; never queried).
        builder.Property(n => n.SentVia)
            .HasField("_sentVia")
            .UsePropertyAccessMode(PropertyAccessMode.Field)
            .HasConversion(
                channels => string.Join(',', channels),
                text => ParseChannels(text),
                new ValueComparer<IReadOnlyList<NotificationChannel>>(
                    (a, b) => a!.SequenceEqual(b!),
                    channels => channels.Aggregate(0, (hash, channel) => HashCode.Combine(hash, channel)),
                    channels => channels.ToList()))
            .HasMaxLength(64)
            .IsRequired();

        builder.HasOne<User>().WithMany().HasForeignKey(n => n.UserId).OnDelete(DeleteBehavior.Cascade);

        // The inbox, newest first, and its keyset cursor (created_at, id).
        builder.HasIndex(n => new { n.UserId, n.CreatedAt, n.Id })
            .IsDescending(false, true, true)
            .HasDatabaseName("ix_notifications_user_inbox");

        // Unread counts, stats and mark-all-read.
        builder.HasIndex(n => new { n.UserId, n.IsRead }).HasDatabaseName("ix_notifications_user_unread");

        // Stats: unread counted by type and priority from the index alone. The filter reads the same on all three providers.
        builder.HasIndex(n => new { n.UserId, n.Type, n.Priority })
            .HasFilter("is_read = '0'")
            .HasDatabaseName("ix_notifications_user_unread_kinds");
        builder.Ignore(n => n.DomainEvents);
    }

    private static List<NotificationChannel> ParseChannels(string text) =>
        [.. text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(Enum.Parse<NotificationChannel>)];
}
