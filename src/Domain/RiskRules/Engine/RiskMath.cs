using System.Globalization;

namespace RiskPlatform.Domain.RiskRules.Engine;

/// <summary>
/// The risk formulas, in one place, shared by the pre-trade engine, the max-quantity helper and the portfolio monitor.
/// Percentages are 0–100. A percentage or ratio of a non-positive base is <see cref="decimal.MaxValue"/> when the numerator is
/// positive (infinitely over any limit) and 0 otherwise.
/// </summary>
public static class RiskMath
{
    /// <summary>The value that stands for "no limit" in capacities.</summary>
    public const decimal Unlimited = decimal.MaxValue;

    public static decimal PercentOf(decimal part, decimal whole) =>
        whole > 0 ? part * 100m / whole : part > 0 ? decimal.MaxValue : 0m;

    public static decimal Ratio(decimal numerator, decimal denominator) =>
        denominator > 0 ? numerator / denominator : numerator > 0 ? decimal.MaxValue : 0m;

    /// <summary>Loss since the start of the day (never negative): dollars, or percent of day-start equity.</summary>
    public static decimal DailyLoss(decimal dayStartEquity, decimal equity, ThresholdUnit unit)
    {
        var loss = Math.Max(0m, dayStartEquity - equity);
        return unit == ThresholdUnit.Percent ? PercentOf(loss, dayStartEquity) : loss;
    }

    /// <summary>Decline of equity from its high-water mark (never negative): dollars, or percent of the high-water mark.</summary>
    public static decimal Drawdown(decimal highWaterMark, decimal equity, ThresholdUnit unit)
    {
        var drawdown = Math.Max(0m, highWaterMark - equity);
        return unit == ThresholdUnit.Percent ? PercentOf(drawdown, highWaterMark) : drawdown;
    }

    /// <summary>Size of an absolute position: shares, dollars at <paramref name="price"/>, or percent of equity.</summary>
    public static decimal PositionSize(decimal absoluteQuantity, decimal price, decimal equity, ThresholdUnit unit) => unit switch
    {
        ThresholdUnit.Shares => absoluteQuantity,
        ThresholdUnit.Percent => PercentOf(absoluteQuantity * price, equity),
        _ => absoluteQuantity * price,
    };

    /// <summary>The position-size threshold expressed in shares at <paramref name="price"/> (0 when it cannot be met).</summary>
    public static decimal PositionSizeLimitInShares(decimal threshold, ThresholdUnit unit, decimal price, decimal equity) => unit switch
    {
        ThresholdUnit.Shares => threshold,
        _ when price <= 0 => 0m,
        ThresholdUnit.Percent => Math.Max(0m, threshold * equity / 100m / price),
        _ => threshold / price,
    };

    /// <summary>Notional of one order: dollars at <paramref name="price"/>, or shares.</summary>
    public static decimal OrderValue(decimal quantity, decimal price, ThresholdUnit unit) =>
        unit == ThresholdUnit.Shares ? quantity : quantity * price;

    /// <summary>The order-value threshold expressed in shares at <paramref name="price"/>.</summary>
    public static decimal OrderValueLimitInShares(decimal threshold, ThresholdUnit unit, decimal price) =>
        unit == ThresholdUnit.Shares ? threshold : price > 0 ? threshold / price : 0m;

    /// <summary>Gross exposure ÷ equity.</summary>
    public static decimal Leverage(decimal grossExposure, decimal equity) => Ratio(grossExposure, equity);

    /// <summary>
    /// The largest absolute position (shares at <paramref name="price"/>) in one symbol that keeps leverage within
    /// <paramref name="maxLeverage"/>, given the gross exposure of every other symbol.
    /// </summary>
    public static decimal LeverageLimitInShares(decimal maxLeverage, decimal equity, decimal otherGrossExposure, decimal price) =>
        price > 0 ? Math.Max(0m, (maxLeverage * equity - otherGrossExposure) / price) : 0m;

    /// <summary>One symbol's exposure as percent of equity.</summary>
    public static decimal Concentration(decimal symbolExposure, decimal equity) => PercentOf(symbolExposure, equity);

    /// <summary>The largest absolute position (shares at <paramref name="price"/>) within a concentration of <paramref name="maxPercent"/>.</summary>
    public static decimal ConcentrationLimitInShares(decimal maxPercent, decimal equity, decimal price) =>
        price > 0 ? Math.Max(0m, maxPercent * equity / 100m / price) : 0m;

    /// <summary>
    /// The largest absolute position (shares at <paramref name="price"/>) in one symbol that keeps its sector's gross exposure within
    /// <paramref name="maxPercent"/> of equity, given the rest of the sector's gross exposure.
    /// </summary>
    public static decimal SectorLimitInShares(decimal maxPercent, decimal equity, decimal otherSectorExposure, decimal price) =>
        price > 0 ? Math.Max(0m, ((maxPercent * equity / 100m) - otherSectorExposure) / price) : 0m;

    /// <summary>
    /// The largest order quantity that keeps the projected absolute position within <paramref name="limitInShares"/>, where
    /// <paramref name="directionalPosition"/> is the position (plus same-side open orders) signed in the order's direction.
    /// </summary>
    public static decimal PositionCapacity(decimal limitInShares, decimal directionalPosition) =>
        Math.Max(0m, limitInShares - directionalPosition);

    /// <summary>Signed move of the price from the average entry, in percent, positive when it favours the position.</summary>
    public static decimal FavourableMovePercent(decimal signedQuantity, decimal averageEntryPrice, decimal price)
    {
        if (signedQuantity == 0 || averageEntryPrice <= 0)
        {
            return 0m;
        }

        var move = (price - averageEntryPrice) / averageEntryPrice * 100m;
        return signedQuantity > 0 ? move : -move;
    }

    /// <summary>The adverse move (never negative) of a position, in percent: what stop_loss watches.</summary>
    public static decimal AdverseMovePercent(decimal signedQuantity, decimal averageEntryPrice, decimal price) =>
        Math.Max(0m, -FavourableMovePercent(signedQuantity, averageEntryPrice, price));

    /// <summary>The favourable move (never negative) of a position, in percent: what take_profit watches.</summary>
    public static decimal GainMovePercent(decimal signedQuantity, decimal averageEntryPrice, decimal price) =>
        Math.Max(0m, FavourableMovePercent(signedQuantity, averageEntryPrice, price));

    /// <summary>Distance of a limit price from the reference quote, in percent of the quote.</summary>
    public static decimal PriceDeviationPercent(decimal limitPrice, decimal quotePrice) =>
        PercentOf(Math.Abs(limitPrice - quotePrice), quotePrice);

    /// <summary>
    /// True when <see cref="PercentOf"/>(<paramref name="part"/>, <paramref name="whole"/>) is at or above <paramref name="percent"/>,
    /// decided without dividing (the monitor's cheap pre-check; values that pass are then measured exactly).
    /// </summary>
    public static bool PercentReaches(decimal part, decimal whole, decimal percent) =>
        whole > 0 ? part * 100m >= percent * whole : part > 0 ? decimal.MaxValue >= percent : 0m >= percent;

    /// <summary>
    /// True when the favourable (<paramref name="favourable"/>) or adverse move of a position, as measured by
    /// <see cref="GainMovePercent"/> / <see cref="AdverseMovePercent"/>, is at or above <paramref name="percent"/>, decided without dividing.
    /// </summary>
    public static bool MovePercentReaches(decimal signedQuantity, decimal averageEntryPrice, decimal price, bool favourable, decimal percent)
    {
        if (signedQuantity == 0 || averageEntryPrice <= 0)
        {
            return 0m >= percent;
        }

        var gain = signedQuantity > 0 ? price - averageEntryPrice : averageEntryPrice - price;
        var move = Math.Max(0m, favourable ? gain : -gain);
        return move * 100m >= percent * averageEntryPrice;
    }

    /// <summary>Observed ÷ limit (0 when the limit is not positive).</summary>
    public static decimal Utilisation(decimal observed, decimal limit) => limit > 0 ? observed / limit : 0m;

    /// <summary>Limit rules: exactly at the limit is allowed.</summary>
    public static bool Exceeds(decimal observed, decimal limit) => observed > limit;

    /// <summary>Trigger rules (stop_loss, take_profit): reaching the threshold triggers.</summary>
    public static bool Reaches(decimal observed, decimal threshold) => observed >= threshold;

    /// <summary>Formats a figure for a reason text: invariant culture, two decimals.</summary>
    public static string Format(decimal value) => value.ToString("0.00", CultureInfo.InvariantCulture);
}
