using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using RiskPlatform.Domain.MarketData;
using RiskPlatform.Domain.MarketData.History;

namespace RiskPlatform.Infrastructure.Persistence.Configurations;

internal sealed class MinuteBarConfiguration : IEntityTypeConfiguration<MinuteBar>
{
    public void Configure(EntityTypeBuilder<MinuteBar> builder)
    {
        builder.ToTable("minute_bars");

        // Reads are one symbol over a range of minutes (the key); the compaction deletes by start alone (its index).
        builder.HasKey(b => new { b.Symbol, b.Start }).HasName("pk_minute_bars");
        builder.HasIndex(b => b.Start).HasDatabaseName("ix_minute_bars_start_for_compaction");
        builder.Property(b => b.Symbol).HasMaxLength(TradingSymbol.MaxLength).IsRequired();
        builder.Property(b => b.Open).HasPrecision(18, MarketPrecision.MaxDecimals);
        builder.Property(b => b.High).HasPrecision(18, MarketPrecision.MaxDecimals);
        builder.Property(b => b.Low).HasPrecision(18, MarketPrecision.MaxDecimals);
        builder.Property(b => b.Close).HasPrecision(18, MarketPrecision.MaxDecimals);
        builder.Ignore(b => b.DomainEvents);
    }
}
