namespace RiskPlatform.Domain.Portfolio.Monitoring;

/// <summary>Where a <see cref="MonitorAction"/> is in the outbox.</summary>
public enum MonitorActionStatus
{
    /// <summary>Not executed yet, or its last attempt failed and it will be retried.</summary>
    Pending,

    /// <summary>Executed at the broker.</summary>
    Done,

    /// <summary>Nothing to do when it ran (the position was already flat).</summary>
    Skipped,

    /// <summary>Gave up after the maximum number of attempts.</summary>
    Failed,
}
