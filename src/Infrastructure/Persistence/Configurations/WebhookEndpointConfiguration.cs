using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using RiskPlatform.Domain.Notifications;
using RiskPlatform.Domain.Notifications.Webhooks;
using RiskPlatform.Domain.Users;

namespace RiskPlatform.Infrastructure.Persistence.Configurations;

internal sealed class WebhookEndpointConfiguration : IEntityTypeConfiguration<WebhookEndpoint>
{
    /// <summary>The longest type list: every type's name and a comma between each.</summary>
    private static readonly int TypesMaxLength = Enum.GetNames<NotificationType>().Sum(n => n.Length + 1);

    public void Configure(EntityTypeBuilder<WebhookEndpoint> builder)
    {
        builder.ToTable("webhook_endpoints");
        builder.HasKey(e => e.Id);
        builder.Property(e => e.Url).HasMaxLength(WebhookEndpoint.UrlMaxLength).IsRequired();
        // Sealed (IWebhookSecretVault). The concurrency token: a rotation and a reseal never overwrite one another.
        builder.Property(e => e.Secret).HasMaxLength(WebhookEndpoint.SecretMaxLength).IsRequired().IsConcurrencyToken();
        builder.Property(e => e.PreviousSecret).HasMaxLength(WebhookEndpoint.SecretMaxLength);
        builder.Property(e => e.DisabledReason).HasMaxLength(WebhookEndpoint.DisabledReasonMaxLength);

        // The few types an endpoint receives, as one column of enum names ("" = every type): read with the endpoint, never queried.
        builder.Property(e => e.NotificationTypes)
            .HasField("_notificationTypes")
            .UsePropertyAccessMode(PropertyAccessMode.Field)
            .HasConversion(
                types => string.Join(',', types),
                text => text.Split(',', StringSplitOptions.RemoveEmptyEntries).Select(Enum.Parse<NotificationType>).ToList(),
                new ValueComparer<IReadOnlyList<NotificationType>>(
                    (a, b) => a!.SequenceEqual(b!),
                    types => types.Aggregate(0, (hash, type) => HashCode.Combine(hash, type)),
                    types => types.ToList()))
            .HasMaxLength(TypesMaxLength)
            .IsRequired();

        builder.HasOne<User>().WithMany().HasForeignKey(e => e.UserId).OnDelete(DeleteBehavior.Cascade);

        // Dispatch reads a user's endpoints; the list endpoint too.
        builder.HasIndex(e => e.UserId).HasDatabaseName("ix_webhook_endpoints_user");
        builder.Ignore(e => e.DomainEvents);
    }
}
