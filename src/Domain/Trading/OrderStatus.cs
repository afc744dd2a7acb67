namespace RiskPlatform.Domain.Trading;

/// <summary>
/// Lifecycle of a paper order. Wire values: <c>new</c>, <c>partially_filled</c>, <c>filled</c>, <c>cancelled</c>, <c>rejected</c>, <c>expired</c>.
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
}
