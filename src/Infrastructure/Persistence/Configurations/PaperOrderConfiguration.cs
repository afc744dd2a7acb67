using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using RiskPlatform.Domain.MarketData;
using RiskPlatform.Domain.Trading.Paper;

namespace RiskPlatform.Infrastructure.Persistence.Configurations;

internal sealed class PaperOrderConfiguration : IEntityTypeConfiguration<PaperOrder>
{
    public void Configure(EntityTypeBuilder<PaperOrder> builder)
    {
        builder.ToTable("paper_orders");
        builder.HasKey(o => o.Id);
        builder.Property(o => o.Id).ValueGeneratedNever();
        builder.Property(o => o.ClientOrderId).HasMaxLength(PaperOrder.ClientOrderIdMaxLength);
        builder.Property(o => o.Symbol).HasMaxLength(TradingSymbol.MaxLength).IsRequired();
        builder.Property(o => o.Side).HasConversion<string>().HasMaxLength(8);
        builder.Property(o => o.Type).HasConversion<string>().HasMaxLength(16);
        builder.Property(o => o.TimeInForce).HasConversion<string>().HasMaxLength(8);
        builder.Property(o => o.Status).HasConversion<string>().HasMaxLength(24);
        builder.Property(o => o.Quantity).HasPrecision(28, MarketPrecision.MaxDecimals);
        builder.Property(o => o.FilledQuantity).HasPrecision(28, MarketPrecision.MaxDecimals);
        builder.Property(o => o.LimitPrice).HasPrecision(28, MarketPrecision.MaxDecimals);
        builder.Property(o => o.AverageFillPrice).HasPrecision(28, MarketPrecision.MaxDecimals);
        builder.Property(o => o.RejectReason).HasMaxLength(PaperOrder.RejectReasonMaxLength);

        // Idempotent placement: a client order id is used once per account (docs/decisions/005).
        builder.HasIndex(o => new { o.PaperAccountId, o.ClientOrderId }).IsUnique().HasDatabaseName("ux_paper_orders_account_client_order_id");

        // Loading an account reads only its open orders, not its whole history.
        builder.HasIndex(o => new { o.PaperAccountId, o.Status }).HasDatabaseName("ix_paper_orders_account_status");

        // A new quote finds the open orders in its symbol.
        builder.HasIndex(o => new { o.Symbol, o.Status }).HasDatabaseName("ix_paper_orders_symbol_status");
    }
}
