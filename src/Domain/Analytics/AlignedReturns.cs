namespace RiskPlatform.Domain.Analytics;

/// <summary>
/// Daily returns of several symbols over the dates on which every one of them has a close: each symbol's closes are kept on
/// the common dates only (the last <paramref name="maxReturns"/> + 1 of them), then turned into simple returns, so element t of
/// every series is the same day.
/// </summary>
public sealed class AlignedReturns
{
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
        if (closes.Count == 0)
        {
            return new([], new Dictionary<string, double[]>());
        }

        var common = closes.Values
            .Select(series => series.Select(c => c.Date))
            .Aggregate((IEnumerable<DateOnly>?)null, (acc, dates) => acc is null ? dates.ToHashSet() : acc.Intersect(dates))!
            .Order()
            .TakeLast(maxReturns + 1)
            .ToList();
        var keep = common.ToHashSet();
        var returns = new Dictionary<string, double[]>(StringComparer.Ordinal);
        foreach (var (symbol, series) in closes)
        {
            var kept = series.Where(c => keep.Contains(c.Date)).OrderBy(c => c.Date).Select(c => c.Close).ToList();
            returns[symbol] = ReturnStatistics.SimpleReturns(kept);
        }

        return new(common.Skip(1).ToList(), returns);
    }
}
