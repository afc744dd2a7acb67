using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using RiskPlatform.Domain.MarketData;
using RiskPlatform.Domain.Trading.Paper;
using RiskPlatform.Domain.Users;

namespace RiskPlatform.Infrastructure.Persistence.Configurations;

/// <summary>
/// The paper account with its positions and orders as child tables. Cash and P&amp;L keep 16 decimal places (products of 8-place
/// prices and quantities, see docs/decisions/005); prices and quantities keep 8.
/// </summary>
internal sealed class PaperAccountConfiguration : IEntityTypeConfiguration<PaperAccount>
{
    private const int MoneyPrecision = 38;
    private const int MoneyScale = 16;

    public void Configure(EntityTypeBuilder<PaperAccount> builder)
    {
        builder.ToTable("paper_accounts");
        builder.HasKey(a => a.Id);
        builder.Property(a => a.StartingCash).HasPrecision(MoneyPrecision, MoneyScale);
        builder.Property(a => a.Cash).HasPrecision(MoneyPrecision, MoneyScale);
        builder.Property(a => a.RealizedPnl).HasPrecision(MoneyPrecision, MoneyScale);
        builder.Property(a => a.DayStartEquity).HasPrecision(MoneyPrecision, MoneyScale);
        builder.Property(a => a.EquityHighWaterMark).HasPrecision(MoneyPrecision, MoneyScale);
        builder.Property(a => a.ConcurrencyStamp).IsConcurrencyToken();
        builder.HasOne<User>().WithMany().HasForeignKey(a => a.UserId).OnDelete(DeleteBehavior.Cascade);

        // One account per user, opened on first use.
        builder.HasIndex(a => a.UserId).IsUnique().HasDatabaseName("ux_paper_accounts_user");
        builder.Ignore(a => a.OpenOrders);
        builder.Ignore(a => a.DomainEvents);

        builder.HasMany(a => a.Positions).WithOne().HasForeignKey(p => p.PaperAccountId).OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(a => a.Positions).HasField("_positions").UsePropertyAccessMode(PropertyAccessMode.Field);
        builder.HasMany(a => a.Orders).WithOne().HasForeignKey(o => o.PaperAccountId).OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(a => a.Orders).HasField("_orders").UsePropertyAccessMode(PropertyAccessMode.Field);
    }
}
