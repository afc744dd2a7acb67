namespace RiskPlatform.Application.Backtesting.Common;

/// <summary>
/// Settings under <c>Backtest</c>. A request is answered in the request when it is small (<see cref="InlineMaxOrders"/> orders
/// and <see cref="InlineMaxSymbolDays"/> symbol-days at most) and the client did not send <c>Prefer: respond-async</c>;
/// otherwise it becomes a job (202 with a Location to poll).
/// </summary>
public sealed class BacktestOptions
{
    public const string SectionName = "Backtest";

    /// <summary>Most orders answered in the request. Default 1,000.</summary>
    public int InlineMaxOrders { get; set; } = 1_000;

    /// <summary>Most symbols × calendar days of range answered in the request. Default 100,000 (e.g. 275 symbols over a year).</summary>
    public int InlineMaxSymbolDays { get; set; } = 100_000;

    /// <summary>How long a job's result is kept after it completes. Default one day.</summary>
    public TimeSpan ResultRetention { get; set; } = TimeSpan.FromDays(1);

    /// <summary>A job running longer than this was lost with its worker (a restart) and reads as failed. Default 10 minutes.</summary>
    public TimeSpan MaxRunTime { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>Jobs of one user queued or running at once; one more is refused with 429. Default 2.</summary>
    public int MaxUnfinishedJobsPerUser { get; set; } = 2;

    /// <summary>How often a worker looks for queued jobs besides being told of new ones (other nodes' jobs, after a restart). Default 5 s.</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(5);

    public bool IsValid =>
        InlineMaxOrders >= 0 && InlineMaxSymbolDays >= 0 && ResultRetention > TimeSpan.Zero && MaxRunTime > TimeSpan.Zero
        && MaxUnfinishedJobsPerUser > 0 && PollInterval > TimeSpan.Zero;
}
