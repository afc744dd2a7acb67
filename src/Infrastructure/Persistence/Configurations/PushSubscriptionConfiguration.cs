using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using RiskPlatform.Domain.Notifications.Push;
using RiskPlatform.Domain.Users;

namespace RiskPlatform.Infrastructure.Persistence.Configurations;

internal sealed class PushSubscriptionConfiguration : IEntityTypeConfiguration<PushSubscription>
{
    public void Configure(EntityTypeBuilder<PushSubscription> builder)
    {
        builder.ToTable("push_subscriptions");
        builder.HasKey(s => s.Id);
        builder.Property(s => s.Endpoint).HasMaxLength(PushSubscription.EndpointMaxLength).IsRequired();
        builder.Property(s => s.EndpointHash).HasMaxLength(PushSubscription.EndpointHashLength).IsFixedLength().IsRequired();
        builder.Property(s => s.P256dh).HasMaxLength(PushSubscription.P256dhMaxLength).IsRequired();
        builder.Property(s => s.Auth).HasMaxLength(PushSubscription.AuthMaxLength).IsRequired();

        builder.HasOne<User>().WithMany().HasForeignKey(s => s.UserId).OnDelete(DeleteBehavior.Cascade);

        // One row per user and endpoint (subscribing again replaces the keys); dispatch reads a user's rows by this prefix.
        builder.HasIndex(s => new { s.UserId, s.EndpointHash }).IsUnique().HasDatabaseName("ux_push_subscriptions_user_endpoint");
        builder.Ignore(s => s.DomainEvents);
    }
}
