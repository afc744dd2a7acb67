using System.Text.Json.Serialization;
using RiskPlatform.Application.Common.Serialization;
using RiskPlatform.Domain.Backtesting;

namespace RiskPlatform.Application.Backtesting.Common;

/// <summary>
/// A backtest job as its owner polls it (<c>GET /risk-rules/backtest/{id}</c>). <see cref="Result"/> is the finished result's
/// body (<see cref="BacktestResultDto"/>), written into the response exactly as stored: the same bytes a synchronous run answers.
/// </summary>
public sealed record BacktestJobDto(
    Guid Id,
    BacktestJobStatus Status,
    DateTime SubmittedAt,
    DateTime? StartedAt,
    DateTime? CompletedAt,
    DateTime ExpiresAt,
    string? Error,
    [property: JsonConverter(typeof(RawJsonConverter))] string? Result)
{
    public static BacktestJobDto From(BacktestJob job, DateTime now, TimeSpan maxRunTime)
    {
        ArgumentNullException.ThrowIfNull(job);
        var status = job.StatusAt(now, maxRunTime);
        var lost = status == BacktestJobStatus.Failed && job.Status == BacktestJobStatus.Running;
        return new(
            job.Id,
            status,
            job.SubmittedAt,
            job.StartedAt,
            job.CompletedAt,
            job.ExpiresAt,
            lost ? "The job's worker stopped before it finished (the service restarted); submit the backtest again." : job.Error,
            status == BacktestJobStatus.Succeeded ? job.Result : null);
    }
}
