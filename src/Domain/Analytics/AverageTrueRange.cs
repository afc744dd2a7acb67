namespace RiskPlatform.Domain.Analytics;

/// <summary>
/// The average true range of daily bars: the simple mean of the last <c>period</c> true ranges, a day's true range being
/// max(high − low, |high − previous close|, |low − previous close|). It needs <c>period</c> + 1 bars.
/// </summary>
public static class AverageTrueRange
{
    public const int DefaultPeriod = 14;

    /// <summary>The ATR of the bars (oldest first), rounded to 8 decimals; null with fewer than <paramref name="period"/> + 1 bars.</summary>
    public static decimal? Of(IReadOnlyList<(decimal High, decimal Low, decimal Close)> bars, int period = DefaultPeriod)
    {
        ArgumentNullException.ThrowIfNull(bars);
        ArgumentOutOfRangeException.ThrowIfLessThan(period, 1);
        if (bars.Count < period + 1)
        {
            return null;
        }

        var sum = 0m;
        for (var t = bars.Count - period; t < bars.Count; t++)
        {
            var (high, low, _) = bars[t];
            var previousClose = bars[t - 1].Close;
            sum += Math.Max(high - low, Math.Max(Math.Abs(high - previousClose), Math.Abs(low - previousClose)));
        }

        return decimal.Round(sum / period, 8);
    }
}
