namespace RiskPlatform.Domain.Trading;

/// <summary>
/// Lifecycle of an order. Wire values: <c>new</c>, <c>partially_filled</c>, <c>filled</c>, <c>cancelled</c>, <c>rejected</c>, <c>expired</c>,
/// <c>pending_new</c>.
/// The paper broker fills an order in full (quotes carry no size), so it never produces <see cref="PartiallyFilled"/>;
/// the member exists for the shared order model of real brokers.
/// </summary>
public enum OrderStatus
{
    New,
    PartiallyFilled,
    Filled,
    Cancelled,
    Rejected,
    Expired,

    /// <summary>
    /// Recorded and counted against the limits, but not yet acknowledged by an external broker: the order is written before the
    /// broker is called, so a crash or a lost answer between the call and the record leaves this state, which the next refresh
    /// resolves by asking the broker for the client order id (docs/decisions/020-broker-calls-outside-transactions.md).
    /// </summary>
    PendingNew,
}
