using RiskPlatform.Domain.Notifications;
using RiskPlatform.Domain.RiskRules;
using RiskPlatform.Domain.RiskRules.Engine;

namespace RiskPlatform.Application.Common.Interfaces;

/// <summary>
/// The port to the service's metrics (the <c>RiskPlatform</c> meter). Every label is from a bounded set: outcomes, rule types,
/// channels, brokers and operations, never a user id, a symbol or a free text.
/// </summary>
public interface IRiskMetrics
{
    /// <summary>An order judged before trading: accepted, reduced or blocked, and how long the decision took.</summary>
    void OrderDecided(RiskDecisionOutcome outcome, TimeSpan duration);

    /// <summary>One blocked order's blocking rules, one count per rule type (<c>null</c>: blocked before any rule ran).</summary>
    void OrderBlockedBy(RiskRuleType? ruleType);

    /// <summary>
    /// A monitor evaluation of one account: <c>evaluated</c> (a run that stored), <c>quiet</c> (nothing to store), <c>skipped</c>
    /// (nothing to watch) or <c>failed</c>, and the episodes it opened.
    /// </summary>
    void MonitorRan(string outcome, int episodesOpened);

    /// <summary>How long an account waited in the monitor's queue before its run began.</summary>
    void MonitorLag(TimeSpan waited);

    /// <summary>
    /// How long after the quote or fill that queued it an account's monitor evaluation finished (screen, any run and the monitor
    /// actions it attempted).
    /// </summary>
    void MonitorEvaluated(TimeSpan sinceQueued);

    /// <summary>A monitor action's attempt: <c>executed</c>, <c>skipped</c> (nothing left to do), <c>pending</c> (tried again later) or <c>failed</c>.</summary>
    void MonitorActionAttempted(string outcome);

    /// <summary>A notification delivery recorded with its status after an attempt.</summary>
    void NotificationDelivered(NotificationChannel channel, DeliveryStatus status);

    /// <summary>One call to a broker: <paramref name="broker"/> (paper, alpaca), its operation and how it ended.</summary>
    void BrokerCalled(string broker, string operation, string outcome);

    /// <summary>One operation of the credential or webhook-secret vault and how it ended.</summary>
    void VaultOperation(string kind, string outcome);
}
