using RiskPlatform.Domain.Common;
using RiskPlatform.Domain.MarketData;

namespace RiskPlatform.Application.Trading.Common;

/// <summary>Shape checks shared by the trading and market-data validators.</summary>
public static class TradingInput
{
    /// <summary>
    /// Upper bounds that keep every notional (quantity × price ≤ 10²¹) inside the paper account's money columns
    /// (precision 38, scale 16) and far from decimal overflow in the risk engine.
    /// </summary>
    public const decimal MaxQuantity = 1_000_000_000_000m;

    public const decimal MaxPrice = 1_000_000_000m;

    public const decimal MaxOrderValue = MaxQuantity * MaxPrice;

    public const string SymbolMessage = "symbol must be 1-32 letters, digits or . - / _ ^ = characters, starting with a letter, digit or ^.";

    public static bool IsValidSymbol(string? symbol)
    {
        try
        {
            TradingSymbol.Normalize(symbol);
            return true;
        }
        catch (DomainException)
        {
            return false;
        }
    }
}
