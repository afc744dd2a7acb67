using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using RiskPlatform.Domain.Notifications.Contacts;
using RiskPlatform.Domain.Users;

namespace RiskPlatform.Infrastructure.Persistence.Configurations;

internal sealed class ContactPointConfiguration : IEntityTypeConfiguration<ContactPoint>
{
    public void Configure(EntityTypeBuilder<ContactPoint> builder)
    {
        builder.ToTable("notification_contacts");
        builder.HasKey(c => c.Id);
        builder.Property(c => c.Channel).HasConversion<string>().HasMaxLength(16);
        builder.Property(c => c.Address).HasMaxLength(ContactPoint.AddressMaxLength).IsRequired();
        builder.Property(c => c.CodeHash).HasMaxLength(ContactPoint.CodeHashLength).IsFixedLength();
        builder.Property(c => c.ConcurrencyStamp).IsConcurrencyToken();
        builder.HasOne<User>().WithMany().HasForeignKey(c => c.UserId).OnDelete(DeleteBehavior.Cascade);

        // One row per user × channel × address; dispatch reads a user's rows by the prefix.
        builder.HasIndex(c => new { c.UserId, c.Channel, c.Address }).IsUnique().HasDatabaseName("ux_notification_contacts_user_channel_address");
        builder.Ignore(c => c.DomainEvents);
        builder.Ignore(c => c.Key);
    }
}
