using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using RiskPlatform.Domain.MarketData;
using RiskPlatform.Domain.MarketData.History;

namespace RiskPlatform.Infrastructure.Persistence.Configurations;

internal sealed class PriceBarConfiguration : IEntityTypeConfiguration<PriceBar>
{
    public void Configure(EntityTypeBuilder<PriceBar> builder)
    {
        builder.ToTable("price_bars");

        // The natural key is the table's only index: every read is one symbol over a date range, and no surrogate id or
        // second index doubles the size of 12.6 million rows (5,000 symbols × 10 years).
        builder.HasKey(b => new { b.Symbol, b.Date }).HasName("pk_price_bars");
        builder.Property(b => b.Symbol).HasMaxLength(TradingSymbol.MaxLength).IsRequired();

        // Prices are at most 10^9 with 8 decimals (the quote rule): 18 digits, 9 bytes each on SQL Server.
        builder.Property(b => b.Open).HasPrecision(18, MarketPrecision.MaxDecimals);
        builder.Property(b => b.High).HasPrecision(18, MarketPrecision.MaxDecimals);
        builder.Property(b => b.Low).HasPrecision(18, MarketPrecision.MaxDecimals);
        builder.Property(b => b.Close).HasPrecision(18, MarketPrecision.MaxDecimals);
        builder.Property(b => b.Volume).HasPrecision(28, MarketPrecision.MaxDecimals);
        builder.Ignore(b => b.DomainEvents);
    }
}
