using RiskPlatform.Application.Trading.Common;
using RiskPlatform.Domain.MarketData;

namespace RiskPlatform.Application.MarketData.Common;

/// <summary>The input bounds of a daily bar, shared by the import validator and the CSV reader.</summary>
public static class PriceBarInputRules
{
    public static DateOnly MinDate { get; } = new(1900, 1, 1);

    public static DateOnly MaxDate { get; } = new(2199, 12, 31);

    public static string PriceMessage(string field) =>
        $"{field} must be greater than 0 and at most {TradingInput.MaxPrice} with at most {MarketPrecision.MaxDecimals} decimal places.";

    /// <summary>True when a bar's price is acceptable: the rule of quotes.</summary>
    public static bool IsValidPrice(decimal price) => price is > 0m and <= TradingInput.MaxPrice && MarketPrecision.HasAllowedScale(price);

    public static bool IsValidDate(DateOnly date) => date >= MinDate && date <= MaxDate;
}
