using RiskPlatform.Domain.RiskRules.Engine;
using RiskPlatform.Domain.Trading;

namespace RiskPlatform.Application.Trading.Common;

/// <summary>
/// What the order path applies from a user's <see cref="PortfolioState"/> in a reducing or halted state, shared with the
/// queries that answer "what would an order meet" (through <see cref="PreTradeContext"/> and max-quantity) so they judge
/// exactly like <c>POST /orders</c>: which orders only shrink a position, and by how much.
/// </summary>
internal static class ExposureReduction
{
    /// <summary>The largest whole quantity that only shrinks the current position in the symbol (0 for a side that adds exposure).</summary>
    public static decimal ReduceOnlyQuantity(PortfolioSnapshot snapshot, string symbol, OrderSide side) =>
        decimal.Floor(ShrinkableQuantity(snapshot, symbol, side));

    /// <summary>True when the order only shrinks the current position in the symbol (opposite side, at most its size).</summary>
    public static bool ReducesExposure(PortfolioSnapshot snapshot, string symbol, OrderSide side, decimal quantity)
    {
        var shrinkable = ShrinkableQuantity(snapshot, symbol, side);
        return shrinkable > 0m && quantity <= shrinkable;
    }

    /// <summary>How much of the net position in the symbol an order on <paramref name="side"/> can close (0 when it would add).</summary>
    private static decimal ShrinkableQuantity(PortfolioSnapshot snapshot, string symbol, OrderSide side)
    {
        var position = snapshot.Positions
            .Where(p => string.Equals(p.Symbol, symbol, StringComparison.OrdinalIgnoreCase))
            .Sum(p => p.Quantity);
        return Math.Max(0m, side == OrderSide.Sell ? position : -position);
    }
}
