using RiskPlatform.Domain.Common;
using RiskPlatform.Domain.RiskRules;

namespace RiskPlatform.Domain.Portfolio.Monitoring;

/// <summary>
/// One continuous breach of a monitored rule, for the account (<see cref="Symbol"/> null) or one symbol: counted once, acted on
/// once. It stays open while the observed value is over the limit or inside it by less than the exit margin; the monitor never
/// re-triggers a (rule, symbol) while an episode for it is open. All monitored metrics are "higher is worse", so
/// <see cref="WorstObserved"/> is the highest value seen. Rule name, type, unit and action are copied so the history reads
/// correctly after the rule changes. Index open episodes by (UserId, EndedAt) — the monitor loads the user's open ones each tick.
/// </summary>
public sealed class BreachEpisode : AggregateRoot, IAuditedEntity, IConcurrencyAware
{
    /// <summary>Prefix of the client order ids of the monitor's liquidation orders.</summary>
    public const string ClientOrderIdPrefix = "mon-";

    private BreachEpisode()
    {
    }

    public Guid UserId { get; private set; }

    public Guid RuleId { get; private set; }

    public string RuleName { get; private set; } = string.Empty;

    public RiskRuleType RuleType { get; private set; }

    public ThresholdUnit ThresholdUnit { get; private set; }

    public RiskAction Action { get; private set; }

    /// <summary>Upper-case symbol for per-symbol rules; null for account-level rules (daily loss, drawdown, leverage).</summary>
    public string? Symbol { get; private set; }

    public DateTime StartedAt { get; private set; }

    public DateTime? EndedAt { get; private set; }

    public decimal FirstObserved { get; private set; }

    /// <summary>The highest observed value during the episode, in the rule's unit.</summary>
    public decimal WorstObserved { get; private set; }

    public DateTime WorstObservedAt { get; private set; }

    /// <summary>The limit when the episode started, in the rule's unit.</summary>
    public decimal Limit { get; private set; }

    /// <summary>When the monitor committed to the rule's action (breach recorded, orders instructed, state changed).</summary>
    public DateTime? ActionTakenAt { get; private set; }

    public EpisodeEndReason? EndReason { get; private set; }

    public DateTime CreatedAt { get; set; }

    public DateTime UpdatedAt { get; set; }

    public Guid ConcurrencyStamp { get; set; }

    public bool IsOpen => EndedAt is null;

    public static BreachEpisode Open(RiskRule rule, string? symbol, decimal observed, decimal limit, DateTime now) => new()
    {
        UserId = rule.UserId,
        RuleId = rule.Id,
        RuleName = rule.Name,
        RuleType = rule.RuleType,
        ThresholdUnit = rule.ThresholdUnit,
        Action = rule.Action,
        Symbol = symbol?.Trim().ToUpperInvariant(),
        StartedAt = now,
        FirstObserved = observed,
        WorstObserved = observed,
        WorstObservedAt = now,
        Limit = limit,
    };

    /// <summary>Raises <see cref="WorstObserved"/> when <paramref name="observed"/> is worse; returns true when it did. Ignored once ended.</summary>
    public bool Observe(decimal observed, DateTime now)
    {
        if (!IsOpen || observed <= WorstObserved)
        {
            return false;
        }

        WorstObserved = observed;
        WorstObservedAt = now;
        return true;
    }

    /// <summary>Records that the rule's action was taken (the first call wins).</summary>
    public void MarkActionTaken(DateTime now) => ActionTakenAt ??= now;

    /// <summary>Ends the episode; returns false (and changes nothing) when it had already ended.</summary>
    public bool End(EpisodeEndReason reason, DateTime now)
    {
        if (!IsOpen)
        {
            return false;
        }

        EndedAt = now < StartedAt ? StartedAt : now;
        EndReason = reason;
        return true;
    }

    /// <summary>
    /// The deterministic client order id of this episode's liquidation of <paramref name="symbol"/>: <c>mon-{id:N}-{SYMBOL}</c>
    /// (at most 69 characters for a 32-character symbol). Retrying the same instruction reuses the id, so the broker's
    /// client-order-id idempotency stops a second order.
    /// </summary>
    public string ClientOrderIdFor(string symbol) => ClientOrderIdFor(Id, symbol);

    /// <inheritdoc cref="ClientOrderIdFor(string)"/>
    public static string ClientOrderIdFor(Guid episodeId, string symbol) =>
        $"{ClientOrderIdPrefix}{episodeId:N}-{symbol.Trim().ToUpperInvariant()}";
}
