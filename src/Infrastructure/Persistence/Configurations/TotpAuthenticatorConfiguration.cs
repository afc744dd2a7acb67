using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using RiskPlatform.Domain.Users;

namespace RiskPlatform.Infrastructure.Persistence.Configurations;

internal sealed class TotpAuthenticatorConfiguration : IEntityTypeConfiguration<TotpAuthenticator>
{
    public void Configure(EntityTypeBuilder<TotpAuthenticator> builder)
    {
        builder.ToTable("totp_authenticators");
        builder.HasKey(a => a.Id);
        builder.Property(a => a.SealedSecret).HasMaxLength(128).IsRequired();
        builder.Property(a => a.RecoveryCodeHashes).HasMaxLength(TotpAuthenticator.RecoveryCodeCount * (TotpAuthenticator.RecoveryCodeHashLength + 1)).IsRequired();
        builder.Property(a => a.ConcurrencyStamp).IsConcurrencyToken();
        builder.HasIndex(a => a.UserId).IsUnique().HasDatabaseName("ux_totp_authenticators_user");
        builder.HasOne<User>().WithMany().HasForeignKey(a => a.UserId).OnDelete(DeleteBehavior.Cascade);
        builder.Ignore(a => a.IsEnabled);
        builder.Ignore(a => a.RecoveryCodesLeft);
        builder.Ignore(a => a.DomainEvents);
    }
}
