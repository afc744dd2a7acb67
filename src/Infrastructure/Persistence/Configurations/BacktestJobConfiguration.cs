using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using RiskPlatform.Domain.Backtesting;
using RiskPlatform.Domain.Users;

namespace RiskPlatform.Infrastructure.Persistence.Configurations;

/// <summary>
/// Backtest jobs: the stored plan until a worker runs it, then the result body (both JSON text, unbounded: 10,000 orders give a
/// few megabytes) until the job expires, a day after it completed.
/// </summary>
internal sealed class BacktestJobConfiguration : IEntityTypeConfiguration<BacktestJob>
{
    public void Configure(EntityTypeBuilder<BacktestJob> builder)
    {
        builder.ToTable("backtest_jobs");
        builder.HasKey(j => j.Id);
        builder.Property(j => j.Status).HasConversion<string>().HasMaxLength(16);
        builder.Property(j => j.Request).IsRequired();
        builder.Property(j => j.Error).HasMaxLength(BacktestJob.ErrorMaxLength);
        builder.Property(j => j.ConcurrencyStamp).IsConcurrencyToken();
        builder.HasOne<User>().WithMany().HasForeignKey(j => j.UserId).OnDelete(DeleteBehavior.Cascade);

        // Workers take the oldest queued job; a submission counts the user's unfinished ones; the sweep deletes the expired.
        builder.HasIndex(j => new { j.Status, j.SubmittedAt }).HasDatabaseName("ix_backtest_jobs_status_submitted_at");
        builder.HasIndex(j => new { j.UserId, j.Status }).HasDatabaseName("ix_backtest_jobs_user_status");
        builder.HasIndex(j => j.ExpiresAt).HasDatabaseName("ix_backtest_jobs_expires_at");
        builder.Ignore(j => j.IsFinished);
        builder.Ignore(j => j.DomainEvents);
    }
}
