using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using RiskPlatform.Domain.Notifications;
using RiskPlatform.Domain.Users;

namespace RiskPlatform.Infrastructure.Persistence.Configurations;

internal sealed class NotificationPreferenceConfiguration : IEntityTypeConfiguration<NotificationPreference>
{
    public void Configure(EntityTypeBuilder<NotificationPreference> builder)
    {
        builder.ToTable("notification_preferences");
        builder.HasKey(p => p.Id);
        builder.Property(p => p.NotificationType).HasConversion<string>().HasMaxLength(32);
        builder.Property(p => p.Channel).HasConversion<string>().HasMaxLength(16);
        builder.Property(p => p.MinPriority).HasConversion<string>().HasMaxLength(16);
        builder.Property(p => p.TimeZone).HasMaxLength(NotificationPreference.TimeZoneMaxLength).IsRequired();
        builder.Property(p => p.Email).HasMaxLength(NotificationPreference.EmailMaxLength);
        builder.Property(p => p.Phone).HasMaxLength(NotificationPreference.PhoneMaxLength);
        builder.Property(p => p.WebhookUrl).HasMaxLength(NotificationPreference.WebhookUrlMaxLength);
        builder.Property(p => p.ConcurrencyStamp).IsConcurrencyToken();
        builder.HasOne<User>().WithMany().HasForeignKey(p => p.UserId).OnDelete(DeleteBehavior.Cascade);

        // One row per user × type × channel: the index is the uniqueness check (a duplicate is a 409).
        builder.HasIndex(p => new { p.UserId, p.NotificationType, p.Channel })
            .IsUnique()
            .HasDatabaseName("ux_notification_preferences_user_type_channel");
        builder.Ignore(p => p.DomainEvents);
    }
}
