using RiskPlatform.Domain.Common;

namespace RiskPlatform.Domain.Backtesting;

/// <summary>
/// A backtest run as a job: too large for one request, or asked for asynchronously. It holds its validated request
/// (<see cref="Request"/>, JSON) until a worker claims it, then its result (JSON, exactly the body a synchronous run answers) or
/// the reason it failed, until <see cref="ExpiresAt"/>. It belongs to the user who submitted it and touches nothing of their account.
/// </summary>
public sealed class BacktestJob : AggregateRoot, IConcurrencyAware
{
    public const int ErrorMaxLength = 1000;

    private BacktestJob()
    {
    }

    public Guid UserId { get; private set; }

    public BacktestJobStatus Status { get; private set; }

    /// <summary>The request to run, as validated and with the rules resolved when it was submitted (JSON).</summary>
    public string Request { get; private set; } = string.Empty;

    /// <summary>The result body (JSON) once <see cref="BacktestJobStatus.Succeeded"/>.</summary>
    public string? Result { get; private set; }

    public string? Error { get; private set; }

    public DateTime SubmittedAt { get; private set; }

    public DateTime? StartedAt { get; private set; }

    public DateTime? CompletedAt { get; private set; }

    /// <summary>When the job and its result are deleted: a day (by default) after it completed, or after it was submitted if it never ran.</summary>
    public DateTime ExpiresAt { get; private set; }

    public Guid ConcurrencyStamp { get; set; }

    public bool IsFinished => Status is BacktestJobStatus.Succeeded or BacktestJobStatus.Failed;

    public static BacktestJob Submit(Guid userId, string request, DateTime now, TimeSpan retention)
    {
        if (userId == Guid.Empty)
        {
            throw new ArgumentException("A backtest job needs a user.", nameof(userId));
        }

        ArgumentException.ThrowIfNullOrWhiteSpace(request);
        return new BacktestJob
        {
            UserId = userId,
            Status = BacktestJobStatus.Queued,
            Request = request,
            SubmittedAt = now,
            ExpiresAt = now + retention,
        };
    }

    /// <summary>A worker takes the job. False (nothing changes) unless it was queued.</summary>
    public bool Start(DateTime now)
    {
        if (Status != BacktestJobStatus.Queued)
        {
            return false;
        }

        Status = BacktestJobStatus.Running;
        StartedAt = now;
        return true;
    }

    public void Succeed(string result, DateTime now, TimeSpan retention)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(result);
        Status = BacktestJobStatus.Succeeded;
        Result = result;
        Error = null;
        Complete(now, retention);
    }

    public void Fail(string error, DateTime now, TimeSpan retention)
    {
        Status = BacktestJobStatus.Failed;
        Result = null;
        Error = string.IsNullOrWhiteSpace(error) ? "The backtest failed." : error.Trim()[..Math.Min(error.Trim().Length, ErrorMaxLength)];
        Complete(now, retention);
    }

    /// <summary>
    /// The status a reader sees at <paramref name="now"/>: a job running longer than <paramref name="maxRunTime"/> was lost with its
    /// worker (a restart) and reads as failed.
    /// </summary>
    public BacktestJobStatus StatusAt(DateTime now, TimeSpan maxRunTime) =>
        Status == BacktestJobStatus.Running && StartedAt is { } started && now - started > maxRunTime ? BacktestJobStatus.Failed : Status;

    private void Complete(DateTime now, TimeSpan retention)
    {
        CompletedAt = now;
        ExpiresAt = now + retention;
    }
}

/// <summary>Where a <see cref="BacktestJob"/> is. Wire values: <c>queued</c>, <c>running</c>, <c>succeeded</c>, <c>failed</c>.</summary>
public enum BacktestJobStatus
{
    Queued,
    Running,
    Succeeded,
    Failed,
}
