using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using RiskPlatform.Domain.ApiKeys;
using RiskPlatform.Domain.Users;

namespace RiskPlatform.Infrastructure.Persistence.Configurations;

internal sealed class ApiKeyConfiguration : IEntityTypeConfiguration<ApiKey>
{
    // Filters written to parse the same on SQLite, PostgreSQL and SQL Server: unquoted snake_case column names, and a
    // boolean compared with the literal '1' (PostgreSQL reads it as true, SQL Server converts it to bit, SQLite to 1).
    internal const string IsDefaultFilter = "is_default = '1'";
    internal const string NotRevokedFilter = "status <> 'Revoked'";

    public void Configure(EntityTypeBuilder<ApiKey> builder)
    {
        builder.ToTable("api_keys");
        builder.HasKey(k => k.Id);
        builder.Property(k => k.Broker).HasConversion<string>().HasMaxLength(32);
        builder.Property(k => k.Status).HasConversion<string>().HasMaxLength(16);
        builder.Property(k => k.ExpiryNoticeSent).HasConversion<string>().HasMaxLength(16);
        builder.Property(k => k.Name).HasMaxLength(CredentialLimits.NameMaxLength).IsRequired();
        builder.Property(k => k.Description).HasMaxLength(CredentialLimits.DescriptionMaxLength);
        builder.Property(k => k.AccountId).HasMaxLength(CredentialLimits.AccountIdMaxLength);
        builder.Property(k => k.BaseUrl).HasMaxLength(CredentialLimits.BaseUrlMaxLength);
        builder.Property(k => k.KeyHint).HasMaxLength(16).IsRequired();
        builder.Property(k => k.SecretHint).HasMaxLength(16).IsRequired();

        // Self-describing AES-GCM blobs: header + nonce + ciphertext + tag; the secret is at most 1024 characters (4 KiB UTF-8).
        builder.Property(k => k.EncryptedApiKey).HasMaxLength(2048);
        builder.Property(k => k.EncryptedApiSecret).HasMaxLength(8192);
        builder.Property(k => k.LastError).HasMaxLength(LastErrorText.MaxLength);
        builder.Property(k => k.ConcurrencyStamp).IsConcurrencyToken();
        builder.Ignore(k => k.EffectiveBaseUrl);
        builder.HasOne<User>().WithMany().HasForeignKey(k => k.UserId).OnDelete(DeleteBehavior.Cascade);

        // At most one default key per user and broker.
        builder.HasIndex(k => new { k.UserId, k.Broker }, "ux_api_keys_user_broker_default").IsUnique().HasFilter(IsDefaultFilter);

        // Names are unique among a user's keys that are not revoked (this index also serves the per-user list and limit).
        builder.HasIndex(k => new { k.UserId, k.Name }, "ux_api_keys_user_live_name").IsUnique().HasFilter(NotRevokedFilter);

        // The key list: a user's keys, and the user's most recently revoked ones by revoked_at (the other indexes on
        // user_id are filtered and cannot serve revoked rows).
        builder.HasIndex(k => new { k.UserId, k.RevokedAt }, "ix_api_keys_user_revoked_at");

        // The rewrap command finds rows on an old master key version.
        builder.HasIndex(k => k.MasterKeyVersion, "ix_api_keys_master_key_version");

        // The expiry sweep.
        builder.HasIndex(k => k.ExpiresAt, "ix_api_keys_expires_at");
        builder.Ignore(k => k.DomainEvents);
    }
}
