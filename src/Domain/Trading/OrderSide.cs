namespace RiskPlatform.Domain.Trading;

/// <summary>Direction of a paper order. Wire values: <c>buy</c>, <c>sell</c>.</summary>
public enum OrderSide
{
    Buy,
    Sell,
}
