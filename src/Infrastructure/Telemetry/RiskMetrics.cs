using System.Diagnostics;
using System.Diagnostics.Metrics;
using RiskPlatform.Application.Common.Interfaces;
using RiskPlatform.Application.Common.Telemetry;
using RiskPlatform.Domain.Common;
using RiskPlatform.Domain.Notifications;
using RiskPlatform.Domain.RiskRules;
using RiskPlatform.Domain.RiskRules.Engine;
using RiskPlatform.Infrastructure.Brokers.Alpaca;

namespace RiskPlatform.Infrastructure.Telemetry;

/// <summary>
/// The <c>RiskPlatform</c> meter, created through the host's <see cref="IMeterFactory"/> (so each host, and each test host,
/// has its own). Instruments cost nothing measurable while no exporter or listener is attached. Label values are the wire
/// names of bounded enums or fixed words.
/// </summary>
internal sealed class RiskMetrics : IRiskMetrics
{
    private readonly Counter<long> _orders;
    private readonly Counter<long> _orderBlocks;
    private readonly Histogram<double> _decisionDuration;
    private readonly Counter<long> _monitorRuns;
    private readonly Counter<long> _monitorEpisodesOpened;
    private readonly Histogram<double> _monitorLag;
    private readonly Histogram<double> _monitorLatency;
    private readonly Counter<long> _monitorActions;
    private readonly Counter<long> _deliveries;
    private readonly Counter<long> _brokerCalls;
    private readonly Counter<long> _vaultOperations;

    public RiskMetrics(IMeterFactory meterFactory, OutboxStatistics outbox, AlpacaCircuitBreakers circuits)
    {
        var meter = meterFactory.Create(RiskPlatformTelemetry.Name);
        _orders = meter.CreateCounter<long>("riskplatform.orders", "{order}", "New orders judged before trading, by outcome (accepted, reduced, blocked).");
        _orderBlocks = meter.CreateCounter<long>("riskplatform.order.blocks", "{order}", "Blocked orders by the type of rule that blocked them (none: blocked before any rule ran).");
        _decisionDuration = meter.CreateHistogram<double>(
            "riskplatform.pretrade.duration", "s", "Time from a new order reaching its account's actor to its outcome, broker submission of paper orders included.",
            advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10] });
        _monitorRuns = meter.CreateCounter<long>("riskplatform.monitor.evaluations", "{run}", "Monitor evaluations per account, by outcome (evaluated and stored, quiet: nothing to store, skipped: nothing to monitor, failed).");
        _monitorEpisodesOpened = meter.CreateCounter<long>("riskplatform.monitor.episodes.opened", "{episode}", "Breach episodes the monitor opened.");
        _monitorLag = meter.CreateHistogram<double>(
            "riskplatform.monitor.lag", "s", "Time an account waited for its monitor run, from the quote or fill that queued it.",
            advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = [0.001, 0.005, 0.01, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30] });
        _monitorLatency = meter.CreateHistogram<double>(
            "riskplatform.monitor.latency", "s", "Time from the quote or fill that queued an account to the end of its monitor evaluation (screen, run, actions attempted).",
            advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = [0.001, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30] });
        _monitorActions = meter.CreateCounter<long>("riskplatform.monitor.actions", "{attempt}", "Monitor action attempts, by outcome (executed, skipped, pending, failed).");
        _deliveries = meter.CreateCounter<long>("riskplatform.notification.deliveries", "{delivery}", "Notification deliveries recorded after an attempt, by channel and status.");
        _brokerCalls = meter.CreateCounter<long>("riskplatform.broker.calls", "{call}", "Broker calls by broker, operation and outcome.");
        _vaultOperations = meter.CreateCounter<long>("riskplatform.vault.operations", "{operation}", "Credential and webhook-secret vault operations, by kind and outcome.");

        meter.CreateObservableGauge(
            "riskplatform.outbox.depth", () => outbox.Read().Depth.Select(d => new Measurement<long>(d.Count, new KeyValuePair<string, object?>("channel", d.Channel))),
            "{delivery}", "Notification deliveries waiting to be sent, by channel.");
        meter.CreateObservableGauge(
            "riskplatform.outbox.age", () => outbox.Read().OldestAge.TotalSeconds, "s", "Age of the oldest notification delivery waiting to be sent (0 when none waits).");
        meter.CreateObservableGauge(
            "riskplatform.broker.circuits.open", () => new Measurement<int>(circuits.OpenCount, new KeyValuePair<string, object?>("broker", "alpaca")),
            "{circuit}", "Broker circuit breakers currently open (calls refused without reaching the broker).");
    }

    public void OrderDecided(RiskDecisionOutcome outcome, TimeSpan duration)
    {
        var tag = new KeyValuePair<string, object?>("outcome", WireEnum.Name(outcome));
        _orders.Add(1, tag);
        _decisionDuration.Record(duration.TotalSeconds, tag);
    }

    public void OrderBlockedBy(RiskRuleType? ruleType) =>
        _orderBlocks.Add(1, new KeyValuePair<string, object?>("rule_type", ruleType is { } type ? WireEnum.Name(type) : "none"));

    public void MonitorRan(string outcome, int episodesOpened)
    {
        _monitorRuns.Add(1, new KeyValuePair<string, object?>("outcome", outcome));
        if (episodesOpened > 0)
        {
            _monitorEpisodesOpened.Add(episodesOpened);
        }
    }

    public void MonitorLag(TimeSpan waited) => _monitorLag.Record(waited.TotalSeconds);

    public void MonitorEvaluated(TimeSpan sinceQueued) => _monitorLatency.Record(sinceQueued.TotalSeconds);

    public void MonitorActionAttempted(string outcome) => _monitorActions.Add(1, new KeyValuePair<string, object?>("outcome", outcome));

    public void NotificationDelivered(NotificationChannel channel, DeliveryStatus status) =>
        _deliveries.Add(1, new TagList { { "channel", WireEnum.Name(channel) }, { "status", WireEnum.Name(status) } });

    public void BrokerCalled(string broker, string operation, string outcome) =>
        _brokerCalls.Add(1, new TagList { { "broker", broker }, { "operation", operation }, { "outcome", outcome } });

    public void VaultOperation(string kind, string outcome) =>
        _vaultOperations.Add(1, new TagList { { "kind", kind }, { "outcome", outcome } });
}
