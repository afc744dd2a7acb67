namespace RiskPlatform.Domain.RiskRules;

/// <summary>Side of an order. Wire values: <c>buy</c>, <c>sell</c>.</summary>
public enum OrderSide
{
    Buy,
    Sell,
}
