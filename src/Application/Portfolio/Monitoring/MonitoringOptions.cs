namespace RiskPlatform.Application.Portfolio.Monitoring;

/// <summary>Settings of the portfolio monitor (configuration section <c>Monitoring</c>).</summary>
public sealed class MonitoringOptions
{
    public const string SectionName = "Monitoring";

    /// <summary>
    /// An episode ends when its metric is back at or below <c>limit × (1 − ExitMargin)</c> (<c>Monitoring:ExitMargin</c>, a
    /// fraction of the limit; default 0.05 = 5 %).
    /// </summary>
    public decimal ExitMargin { get; set; } = 0.05m;

    /// <summary>
    /// How often every user with an active monitored rule is re-evaluated even without a pushed quote or fill (brokers without
    /// pushed quotes, e.g. Alpaca). <c>Monitoring:PollInterval</c>, default 30 s; zero disables the poller.
    /// </summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Users waiting for a monitor run at most (<c>Monitoring:QueueCapacity</c>, default 10,000); beyond it the poller catches up.</summary>
    public int QueueCapacity { get; set; } = 10_000;

    /// <summary>How long a failed monitor action (cancel, liquidation) waits before its retry (<c>Monitoring:ActionRetryInterval</c>, default 30 s).</summary>
    public TimeSpan ActionRetryInterval { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Failed attempts after which a monitor action is given up and logged as an error (<c>Monitoring:MaxActionAttempts</c>, default 10).</summary>
    public int MaxActionAttempts { get; set; } = 10;

    /// <summary>How often equity histories are compacted (<c>Monitoring:CompactionInterval</c>, default 1 h; zero disables).</summary>
    public TimeSpan CompactionInterval { get; set; } = TimeSpan.FromHours(1);

    /// <summary>
    /// How long a fill waits for further fills of the same account before the monitor re-evaluates it
    /// (<c>Monitoring:FillCoalescing</c>, default 250 ms; zero: at once). A burst of orders then costs one evaluation, not one per
    /// fill; a quote still queues its holders at once.
    /// </summary>
    public TimeSpan FillCoalescing { get; set; } = TimeSpan.FromMilliseconds(250);

    /// <summary>
    /// At most one equity point per account per interval is recorded (<c>Monitoring:EquityPointInterval</c>, default 10 s; zero:
    /// one per mark). The state's own marks (equity, high-water mark, drawdown) are kept on every mark regardless.
    /// </summary>
    public TimeSpan EquityPointInterval { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>
    /// How many accounts the monitor evaluates at once (<c>Monitoring:Concurrency</c>, default 4; never the same account twice
    /// at a time). Evaluations wait on the database and the account's actor, so a few in flight keep the queue short after a
    /// quote that moves many accounts.
    /// </summary>
    public int Concurrency { get; set; } = 4;

    public bool IsValid =>
        ExitMargin is >= 0m and < 1m
        && PollInterval >= TimeSpan.Zero
        && QueueCapacity > 0
        && ActionRetryInterval > TimeSpan.Zero
        && MaxActionAttempts > 0
        && CompactionInterval >= TimeSpan.Zero
        && FillCoalescing >= TimeSpan.Zero
        && EquityPointInterval >= TimeSpan.Zero
        && Concurrency is > 0 and <= 64;
}
