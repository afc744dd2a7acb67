using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using RiskPlatform.Domain.MarketData;

namespace RiskPlatform.Infrastructure.Persistence.Configurations;

internal sealed class MarketQuoteConfiguration : IEntityTypeConfiguration<MarketQuote>
{
    public void Configure(EntityTypeBuilder<MarketQuote> builder)
    {
        builder.ToTable("market_quotes");
        builder.HasKey(q => q.Id);
        builder.Property(q => q.Symbol).HasMaxLength(TradingSymbol.MaxLength).IsRequired();
        builder.Property(q => q.Bid).HasPrecision(28, MarketPrecision.MaxDecimals);
        builder.Property(q => q.Ask).HasPrecision(28, MarketPrecision.MaxDecimals);
        builder.Property(q => q.Last).HasPrecision(28, MarketPrecision.MaxDecimals);

        // One quote per symbol: the natural key, and the lookup of every order and valuation.
        builder.HasIndex(q => q.Symbol).IsUnique().HasDatabaseName("ux_market_quotes_symbol");
        builder.Ignore(q => q.DomainEvents);
    }
}
