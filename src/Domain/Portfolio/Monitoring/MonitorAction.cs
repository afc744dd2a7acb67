using RiskPlatform.Domain.Common;
using RiskPlatform.Domain.Notifications;
using RiskPlatform.Domain.Notifications.Events;

namespace RiskPlatform.Domain.Portfolio.Monitoring;

/// <summary>
/// One broker instruction of the monitor, stored in the same save as the <see cref="BreachEpisode"/> that decided it (a
/// transactional outbox) and executed after the commit: cancellations first, then liquidations, each retried until it succeeds
/// or <see cref="RecordFailure"/> gives up. A liquidation carries the deterministic client order id of its episode and symbol
/// (<see cref="BreachEpisode.ClientOrderIdFor(Guid, string)"/>), so a retry never sends a second order.
/// </summary>
public sealed class MonitorAction : AggregateRoot, IAuditedEntity, IConcurrencyAware
{
    public const int LastErrorMaxLength = 500;
    public const int ResultMaxLength = 200;

    private MonitorAction()
    {
    }

    public Guid UserId { get; private set; }

    public Guid EpisodeId { get; private set; }

    public MonitorActionKind Kind { get; private set; }

    /// <summary>Upper-case symbol; null only for a cancellation of every open order.</summary>
    public string? Symbol { get; private set; }

    /// <summary>The liquidation's client order id (null for a cancellation).</summary>
    public string? ClientOrderId { get; private set; }

    /// <summary>Execution order within the decision that created it (cancellations before liquidations).</summary>
    public int Sequence { get; private set; }

    public MonitorActionStatus Status { get; private set; }

    public int Attempts { get; private set; }

    public DateTime? LastAttemptAt { get; private set; }

    public string? LastError { get; private set; }

    /// <summary>What the execution did, in words (e.g. "cancelled 2 orders", "sold 10").</summary>
    public string? Result { get; private set; }

    /// <summary>The liquidation's order, as recorded in RiskPlatform's orders.</summary>
    public Guid? OrderId { get; private set; }

    public DateTime? CompletedAt { get; private set; }

    public DateTime CreatedAt { get; set; }

    public DateTime UpdatedAt { get; set; }

    public Guid ConcurrencyStamp { get; set; }

    public bool IsPending => Status == MonitorActionStatus.Pending;

    public static MonitorAction Cancel(CancelOrdersInstruction instruction, Guid userId, int sequence) => new()
    {
        UserId = userId,
        EpisodeId = instruction.EpisodeId,
        Kind = MonitorActionKind.CancelOrders,
        Symbol = instruction.Symbol?.Trim().ToUpperInvariant(),
        Sequence = sequence,
        Status = MonitorActionStatus.Pending,
    };

    public static MonitorAction Liquidate(LiquidationInstruction instruction, Guid userId, int sequence) => new()
    {
        UserId = userId,
        EpisodeId = instruction.EpisodeId,
        Kind = MonitorActionKind.Liquidate,
        Symbol = instruction.Symbol.Trim().ToUpperInvariant(),
        ClientOrderId = instruction.ClientOrderId,
        Sequence = sequence,
        Status = MonitorActionStatus.Pending,
    };

    /// <summary>True when it may run at <paramref name="now"/>: never tried, or the last failure is at least <paramref name="retryAfter"/> old.</summary>
    public bool IsDue(DateTime now, TimeSpan retryAfter) =>
        IsPending && (LastAttemptAt is not { } last || now - last >= retryAfter);

    /// <summary>Executed: done, with what it did and (for a liquidation) the order it recorded.</summary>
    public void Complete(string result, Guid? orderId, DateTime now)
    {
        EnsurePending();
        Attempts++;
        LastAttemptAt = now;
        Status = MonitorActionStatus.Done;
        Result = Truncate(result, ResultMaxLength);
        OrderId = orderId;
        CompletedAt = now;
    }

    /// <summary>Nothing to do (the position was already flat): finished without a broker order.</summary>
    public void Skip(string result, DateTime now)
    {
        EnsurePending();
        Attempts++;
        LastAttemptAt = now;
        Status = MonitorActionStatus.Skipped;
        Result = Truncate(result, ResultMaxLength);
        CompletedAt = now;
    }

    /// <summary>
    /// Records a failed attempt. It stays pending (retried later) until <paramref name="maxAttempts"/> attempts have failed, then
    /// becomes <see cref="MonitorActionStatus.Failed"/>; returns true when it gave up. Ignored once finished. Giving up raises an
    /// urgent <see cref="SystemAlertRaised"/>: the risk monitor could not do what a rule required, and only the user can now act.
    /// </summary>
    public bool RecordFailure(string error, DateTime now, int maxAttempts)
    {
        if (!IsPending)
        {
            return false;
        }

        Attempts++;
        LastAttemptAt = now;
        LastError = Truncate(string.IsNullOrWhiteSpace(error) ? "unknown error" : error.Trim(), LastErrorMaxLength);
        if (Attempts < Math.Max(1, maxAttempts))
        {
            return false;
        }

        Status = MonitorActionStatus.Failed;
        CompletedAt = now;
        Raise(new SystemAlertRaised(
            UserId,
            NotificationPriority.Urgent,
            Kind == MonitorActionKind.Liquidate ? $"Risk monitor could not close {Symbol}" : "Risk monitor could not cancel orders",
            $"The risk monitor gave up trying to {Describe()} after {Attempts} failed attempts ({LastError}). Check your broker account and act yourself.",
            "monitor_action",
            Id,
            now));
        return true;
    }

    private string Describe() => (Kind, Symbol) switch
    {
        (MonitorActionKind.Liquidate, _) => $"close your {Symbol} position",
        (_, null) => "cancel your open orders",
        _ => $"cancel your open {Symbol} orders",
    };

    private void EnsurePending()
    {
        if (!IsPending)
        {
            throw new DomainException(PortfolioErrors.MonitorActionFinished, $"Monitor action {Id} is already {Status.ToString().ToLowerInvariant()}.");
        }
    }

    private static string Truncate(string value, int max) => value.Length <= max ? value : value[..max];
}
