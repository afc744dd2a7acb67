using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using RiskPlatform.Domain.MarketData;
using RiskPlatform.Domain.MarketData.Reference;

namespace RiskPlatform.Infrastructure.Persistence.Configurations;

internal sealed class SymbolReferenceConfiguration : IEntityTypeConfiguration<SymbolReference>
{
    public void Configure(EntityTypeBuilder<SymbolReference> builder)
    {
        builder.ToTable("symbol_references");
        builder.HasKey(r => r.Id);
        builder.Property(r => r.Symbol).HasMaxLength(TradingSymbol.MaxLength).IsRequired();
        builder.Property(r => r.Sector).HasMaxLength(SymbolReference.MaxFieldLength);
        builder.Property(r => r.Industry).HasMaxLength(SymbolReference.MaxFieldLength);
        builder.Property(r => r.AssetClass).HasMaxLength(SymbolReference.MaxFieldLength);
        builder.Property(r => r.Exchange).HasMaxLength(SymbolReference.MaxFieldLength);

        // One row per symbol: the natural key, and the lookup of every read and of the sector rule.
        builder.HasIndex(r => r.Symbol).IsUnique().HasDatabaseName("ux_symbol_references_symbol");
        builder.Ignore(r => r.DomainEvents);
    }
}
