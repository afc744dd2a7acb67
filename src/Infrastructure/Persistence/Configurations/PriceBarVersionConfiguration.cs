using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using RiskPlatform.Domain.MarketData;

namespace RiskPlatform.Infrastructure.Persistence.Configurations;

internal sealed class PriceBarVersionConfiguration : IEntityTypeConfiguration<PriceBarVersion>
{
    public void Configure(EntityTypeBuilder<PriceBarVersion> builder)
    {
        builder.ToTable("price_bar_versions");

        // One row per symbol ever written; read by symbol (the key) once per request for the symbols a process keeps.
        builder.HasKey(v => v.Symbol).HasName("pk_price_bar_versions");
        builder.Property(v => v.Symbol).HasMaxLength(TradingSymbol.MaxLength).IsRequired();
        builder.Property(v => v.Version).IsRequired();
    }
}
