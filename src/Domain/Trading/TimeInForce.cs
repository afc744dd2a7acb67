namespace RiskPlatform.Domain.Trading;

/// <summary>How long a resting paper order stays open. Wire values: <c>day</c>, <c>gtc</c>.</summary>
public enum TimeInForce
{
    /// <summary>Expires at the end of the trading day, when the caller invokes <see cref="PaperAccount.ExpireDayOrders"/>.</summary>
    Day,

    /// <summary>Good till cancelled.</summary>
    Gtc,
}
