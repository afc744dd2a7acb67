namespace RiskPlatform.Domain.Trading;

/// <summary>How a paper order is priced. Wire values: <c>market</c>, <c>limit</c>.</summary>
public enum OrderType
{
    /// <summary>Fills at once at the quote (ask for buys, bid for sells), or is rejected when there is no quote.</summary>
    Market,

    /// <summary>Fills at the quote when marketable (buy: limit ≥ ask; sell: limit ≤ bid), otherwise rests until a quote crosses it.</summary>
    Limit,
}
