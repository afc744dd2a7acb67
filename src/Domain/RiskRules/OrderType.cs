namespace RiskPlatform.Domain.RiskRules;

/// <summary>Type of an order. Wire values: <c>market</c>, <c>limit</c>.</summary>
public enum OrderType
{
    Market,
    Limit,
}
