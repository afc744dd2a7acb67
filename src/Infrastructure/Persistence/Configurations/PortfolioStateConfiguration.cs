using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using RiskPlatform.Domain.Portfolio.Calendar;
using RiskPlatform.Domain.Portfolio.State;
using RiskPlatform.Domain.Users;

namespace RiskPlatform.Infrastructure.Persistence.Configurations;

/// <summary>
/// One portfolio-risk state per user. The convention and the current drawdown are derived (not mapped); equity values keep
/// 16 decimal places like the paper account's cash (docs/decisions/005).
/// </summary>
internal sealed class PortfolioStateConfiguration : IEntityTypeConfiguration<PortfolioState>
{
    private const int MoneyPrecision = 38;
    private const int MoneyScale = 16;

    public void Configure(EntityTypeBuilder<PortfolioState> builder)
    {
        builder.ToTable("portfolio_states");
        builder.HasKey(s => s.Id);
        builder.Property(s => s.TradingDayKind).HasConversion<string>().HasMaxLength(32);
        builder.Property(s => s.TimeZoneId).HasMaxLength(TradingDayConvention.TimeZoneIdMaxLength);
        builder.Property(s => s.DayStartEquity).HasPrecision(MoneyPrecision, MoneyScale);
        builder.Property(s => s.LastEquity).HasPrecision(MoneyPrecision, MoneyScale);
        builder.Property(s => s.HighWaterMark).HasPrecision(MoneyPrecision, MoneyScale);
        builder.Property(s => s.MaxDrawdownPercent).HasPrecision(MoneyPrecision, MoneyScale);
        builder.Property(s => s.TradingState).HasConversion<string>().HasMaxLength(16);
        builder.Property(s => s.TradingStateReason).HasMaxLength(PortfolioState.ReasonMaxLength);
        builder.Property(s => s.ConcurrencyStamp).IsConcurrencyToken();
        builder.HasOne<User>().WithMany().HasForeignKey(s => s.UserId).OnDelete(DeleteBehavior.Cascade);

        // One state per user, created on first use.
        builder.HasIndex(s => s.UserId).IsUnique().HasDatabaseName("ux_portfolio_states_user");
        builder.Ignore(s => s.Convention);
        builder.Ignore(s => s.CurrentDrawdownPercent);
        builder.Ignore(s => s.DomainEvents);
    }
}
