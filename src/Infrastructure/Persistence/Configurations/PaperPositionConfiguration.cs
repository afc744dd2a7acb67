using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using RiskPlatform.Domain.MarketData;
using RiskPlatform.Domain.Trading.Paper;

namespace RiskPlatform.Infrastructure.Persistence.Configurations;

/// <summary>A paper position: one row per account and symbol, deleted when the position goes flat (removed from the account).</summary>
internal sealed class PaperPositionConfiguration : IEntityTypeConfiguration<PaperPosition>
{
    public void Configure(EntityTypeBuilder<PaperPosition> builder)
    {
        builder.ToTable("paper_positions");
        builder.HasKey(p => p.Id);

        // Ids are made by the domain (UUID v7), so a new child found through the account's collection is an insert.
        builder.Property(p => p.Id).ValueGeneratedNever();
        builder.Property(p => p.Symbol).HasMaxLength(TradingSymbol.MaxLength).IsRequired();
        builder.Property(p => p.Quantity).HasPrecision(28, MarketPrecision.MaxDecimals);
        builder.Property(p => p.AverageEntryPrice).HasPrecision(28, MarketPrecision.MaxDecimals);
        builder.Property(p => p.CostBasis).HasPrecision(38, 16);
        builder.Property(p => p.RealizedPnl).HasPrecision(38, 16);
        builder.HasIndex(p => new { p.PaperAccountId, p.Symbol }).IsUnique().HasDatabaseName("ux_paper_positions_account_symbol");

        // The holders of a quoted symbol (IPaperHolders): without it, every quote batch read every account's positions.
        builder.HasIndex(p => p.Symbol).HasDatabaseName("ix_paper_positions_symbol");
    }
}
