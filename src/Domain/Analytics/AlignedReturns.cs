namespace RiskPlatform.Domain.Analytics;

/// <summary>
/// Daily returns of several symbols over the dates on which every one of them has a close: each symbol's closes are kept on
/// the common dates only (the last <paramref name="maxReturns"/> + 1 of them), then turned into simple returns, so element t of
/// every series is the same day.
/// </summary>
public sealed class AlignedReturns
{
    private static readonly AlignedReturns None = new([], new Dictionary<string, double[]>());

    private AlignedReturns(IReadOnlyList<DateOnly> dates, IReadOnlyDictionary<string, double[]> returns)
    {
        Dates = dates;
        Returns = returns;
    }

    /// <summary>The dates of the returns (the second common date onward).</summary>
    public IReadOnlyList<DateOnly> Dates { get; }

    /// <summary>Each symbol's returns, aligned on <see cref="Dates"/>.</summary>
    public IReadOnlyDictionary<string, double[]> Returns { get; }

    public int Count => Dates.Count;

    public static AlignedReturns From(IReadOnlyDictionary<string, IReadOnlyList<(DateOnly Date, decimal Close)>> closes, int maxReturns)
    {
        ArgumentNullException.ThrowIfNull(closes);
        var symbols = closes.Keys.ToArray();
        var calendar = CloseCalendar.Of([.. symbols.Select(s => closes[s])]);
        return From(calendar, symbols, [.. Enumerable.Range(0, symbols.Length)], maxReturns);
    }

    /// <summary>The same over a calendar built already: <paramref name="symbols"/>[i] is the calendar's symbol <paramref name="rows"/>[i].</summary>
    internal static AlignedReturns From(CloseCalendar calendar, IReadOnlyList<string> symbols, int[] rows, int maxReturns)
    {
        if (rows.Length == 0)
        {
            return None;
        }

        var days = new int[calendar.Window(maxReturns)];
        var count = calendar.CommonDays(rows, days);
        var returns = new Dictionary<string, double[]>(rows.Length, StringComparer.Ordinal);
        for (var i = 0; i < rows.Length; i++)
        {
            var series = new double[Math.Max(0, count - 1)];
            calendar.Returns(rows[i], days.AsSpan(0, count), series);
            returns[symbols[i]] = series;
        }

        var dates = new DateOnly[Math.Max(0, count - 1)];
        for (var t = 1; t < count; t++)
        {
            dates[t - 1] = calendar.DateAt(days[t]);
        }

        return new(dates, returns);
    }
}
