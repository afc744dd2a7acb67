using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using RiskPlatform.Domain.MarketData;
using RiskPlatform.Domain.Trading.Orders;
using RiskPlatform.Domain.Users;

namespace RiskPlatform.Infrastructure.Persistence.Configurations;

internal sealed class OrderConfiguration : IEntityTypeConfiguration<Order>
{
    public void Configure(EntityTypeBuilder<Order> builder)
    {
        builder.ToTable("orders");
        builder.HasKey(o => o.Id);
        builder.Property(o => o.ClientOrderId).HasMaxLength(Order.ClientOrderIdMaxLength).IsRequired();
        builder.Property(o => o.Symbol).HasMaxLength(TradingSymbol.MaxLength).IsRequired();
        builder.Property(o => o.Side).HasConversion<string>().HasMaxLength(8);
        builder.Property(o => o.Type).HasConversion<string>().HasMaxLength(16);
        builder.Property(o => o.TimeInForce).HasConversion<string>().HasMaxLength(8);
        builder.Property(o => o.Status).HasConversion<string>().HasMaxLength(24);
        builder.Property(o => o.DecisionOutcome).HasConversion<string>().HasMaxLength(16);
        builder.Property(o => o.BindingRuleType).HasConversion<string>().HasMaxLength(32);
        builder.Property(o => o.BrokerOrderId).HasMaxLength(Order.BrokerOrderIdMaxLength);
        builder.Property(o => o.RejectReason).HasMaxLength(Order.RejectReasonMaxLength);
        builder.Property(o => o.Alerts).HasMaxLength(Order.AlertsMaxLength);
        builder.Property(o => o.RequestedQuantity).HasPrecision(28, MarketPrecision.MaxDecimals);
        builder.Property(o => o.Quantity).HasPrecision(28, MarketPrecision.MaxDecimals);
        builder.Property(o => o.FilledQuantity).HasPrecision(28, MarketPrecision.MaxDecimals);
        builder.Property(o => o.LimitPrice).HasPrecision(28, MarketPrecision.MaxDecimals);
        builder.Property(o => o.AverageFillPrice).HasPrecision(28, MarketPrecision.MaxDecimals);
        builder.Property(o => o.ConcurrencyStamp).IsConcurrencyToken();
        builder.HasOne<User>().WithMany().HasForeignKey(o => o.UserId).OnDelete(DeleteBehavior.Cascade);

        // Idempotent submission: one order per user and client order id.
        builder.HasIndex(o => new { o.UserId, o.ClientOrderId }).IsUnique().HasDatabaseName("ux_orders_user_client_order_id");

        // The list endpoint (newest first) and the order-rate-limit window.
        builder.HasIndex(o => new { o.UserId, o.SubmittedAt }).HasDatabaseName("ix_orders_user_submitted");
        builder.HasIndex(o => new { o.UserId, o.CreatedAt }).HasDatabaseName("ix_orders_user_created");

        // Mirroring the broker's fills and cancellations back onto the order.
        builder.HasIndex(o => new { o.UserId, o.BrokerOrderId }).HasDatabaseName("ix_orders_user_broker_order");

        // A user's orders by status (new or partially filled, or a status filter on the history).
        builder.HasIndex(o => new { o.UserId, o.Status }).HasDatabaseName("ix_orders_user_open");

        // The pre-trade refresh of open orders, oldest first (OpenOrdersForUserSpec): only the open rows, in submission order.
        // Without it SQLite's planner walks ix_orders_user_submitted, the user's whole history, to avoid a sort (ADR 037).
        // The filter is written without quotes so that it reads the same on SQLite, PostgreSQL and SQL Server.
        builder.HasIndex(o => new { o.UserId, o.SubmittedAt }, "ix_orders_user_open_submitted")
            .HasFilter("status IN ('New', 'PartiallyFilled', 'PendingNew')")
            .HasDatabaseName("ix_orders_user_open_submitted");

        // The owners of open orders in a symbol: whom a quote re-queues for the monitor.
        builder.HasIndex(o => new { o.Symbol, o.Status }).HasDatabaseName("ix_orders_symbol_open");

        builder.Ignore(o => o.DomainEvents);
    }
}
