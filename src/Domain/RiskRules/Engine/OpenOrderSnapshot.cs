using RiskPlatform.Domain.Trading;
namespace RiskPlatform.Domain.RiskRules.Engine;

/// <summary>A working order not yet filled: its side, the quantity still to fill (positive), and its limit price if any.</summary>
public readonly record struct OpenOrderSnapshot(string Symbol, OrderSide Side, decimal RemainingQuantity, decimal? LimitPrice);
