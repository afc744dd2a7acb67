using RiskPlatform.Domain.Common;

namespace RiskPlatform.Domain.Portfolio.Equity;

/// <summary>
/// One row of a user's equity history: the equity at one mark-to-market. Append-only, its own small aggregate (no collection on
/// <see cref="PortfolioState"/>, so a mark never loads the history); compacted by <see cref="EquityHistory.Compact"/>.
/// Index it by (UserId, At).
/// </summary>
public sealed class EquitySnapshot : AggregateRoot
{
    private EquitySnapshot()
    {
    }

    public Guid UserId { get; private set; }

    public DateTime At { get; private set; }

    public decimal Equity { get; private set; }

    public static EquitySnapshot Record(Guid userId, decimal equity, DateTime at) =>
        new() { UserId = userId, Equity = equity, At = at };

    public EquityPoint ToPoint() => new(At, Equity);
}
