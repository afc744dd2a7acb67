using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using RiskPlatform.Domain.ApiKeys;
using RiskPlatform.Domain.BrokerBindings;
using RiskPlatform.Domain.Users;

namespace RiskPlatform.Infrastructure.Persistence.Configurations;

/// <summary>One broker binding per user (a user without a row trades on paper).</summary>
internal sealed class BrokerBindingConfiguration : IEntityTypeConfiguration<BrokerBinding>
{
    public void Configure(EntityTypeBuilder<BrokerBinding> builder)
    {
        builder.ToTable("broker_bindings");
        builder.HasKey(b => b.Id);
        builder.Property(b => b.Source).HasConversion<string>().HasMaxLength(16);
        builder.Property(b => b.Broker).HasConversion<string>().HasMaxLength(32);
        builder.Property(b => b.Status).HasConversion<string>().HasMaxLength(32);
        builder.Property(b => b.Reason).HasMaxLength(BrokerBinding.ReasonMaxLength);
        builder.Property(b => b.ConcurrencyStamp).IsConcurrencyToken();
        builder.HasOne<User>().WithMany().HasForeignKey(b => b.UserId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<ApiKey>().WithMany().HasForeignKey(b => b.ApiKeyId).OnDelete(DeleteBehavior.Restrict);

        // The broker port resolves the binding of one user on every call; the accounting marks the bindings of one key.
        builder.HasIndex(b => b.UserId).IsUnique().HasDatabaseName("ux_broker_bindings_user");
        builder.HasIndex(b => b.ApiKeyId).HasDatabaseName("ix_broker_bindings_api_key");
        builder.Ignore(b => b.DomainEvents);
    }
}
