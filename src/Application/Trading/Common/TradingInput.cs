using RiskPlatform.Domain.Common;
using RiskPlatform.Domain.MarketData;

namespace RiskPlatform.Application.Trading.Common;

/// <summary>Shape checks shared by the trading and market-data validators.</summary>
public static class TradingInput
{
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
