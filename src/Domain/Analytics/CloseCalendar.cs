namespace RiskPlatform.Domain.Analytics;

/// <summary>
/// Several symbols' daily closes on one calendar: the dates on which any of them has a close, ascending, and per symbol a
/// <c>double[]</c> indexed like the calendar (NaN where it has no close). Built once per computation, so that aligning one
/// symbol with another, or all of them, is a walk over indexes (no dictionary, hash set or sort per pair). A date listed twice
/// for one symbol keeps its first close (stored bars have one per date).
/// </summary>
internal sealed class CloseCalendar
{
    private readonly int[] _days;
    private readonly double[][] _closes;

    private CloseCalendar(int[] days, double[][] closes)
    {
        _days = days;
        _closes = closes;
    }

    /// <summary>The number of dates on the calendar.</summary>
    public int Length => _days.Length;

    public DateOnly DateAt(int index) => DateOnly.FromDayNumber(_days[index]);

    /// <param name="series">Each symbol's closes, in any order; symbol s of the calendar is <c>series[s]</c>.</param>
    public static CloseCalendar Of(IReadOnlyList<IReadOnlyList<(DateOnly Date, decimal Close)>> series)
    {
        ArgumentNullException.ThrowIfNull(series);
        int first = int.MaxValue, last = int.MinValue, total = 0;
        foreach (var closes in series)
        {
            foreach (var (date, _) in closes)
            {
                first = Math.Min(first, date.DayNumber);
                last = Math.Max(last, date.DayNumber);
                total++;
            }
        }

        var rows = new double[series.Count][];
        if (total == 0)
        {
            for (var s = 0; s < rows.Length; s++)
            {
                rows[s] = [];
            }

            return new([], rows);
        }

        var span = (long)last - first + 1;
        var (days, slots) = span <= (4L * total) + 1024 ? DenseDays(series, first, (int)span) : SparseDays(series);
        for (var s = 0; s < rows.Length; s++)
        {
            var row = new double[days.Length];
            Array.Fill(row, double.NaN);
            foreach (var (date, close) in series[s])
            {
                var index = slots is null ? Array.BinarySearch(days, date.DayNumber) : slots[date.DayNumber - first];
                if (double.IsNaN(row[index]))
                {
                    row[index] = (double)close;
                }
            }

            rows[s] = row;
        }

        return new(days, rows);
    }

    /// <summary>How many closes a window of <paramref name="maxReturns"/> returns takes, at most the calendar's length.</summary>
    public int Window(int maxReturns) => maxReturns < 0 ? 0 : (int)Math.Min((long)maxReturns + 1, _days.Length);

    /// <summary>
    /// Writes to <paramref name="destination"/>, ascending, the calendar indexes of the last dates (as many as it holds) on which
    /// every symbol in <paramref name="symbols"/> has a close; returns how many it wrote.
    /// </summary>
    public int CommonDays(ReadOnlySpan<int> symbols, Span<int> destination)
    {
        var count = 0;
        for (var d = _days.Length - 1; d >= 0 && count < destination.Length; d--)
        {
            var everyone = true;
            foreach (var s in symbols)
            {
                if (double.IsNaN(_closes[s][d]))
                {
                    everyone = false;
                    break;
                }
            }

            if (everyone)
            {
                destination[count++] = d;
            }
        }

        destination[..count].Reverse();
        return count;
    }

    /// <summary>
    /// The simple returns of <paramref name="symbol"/> between consecutive <paramref name="days"/> (calendar indexes on which it
    /// has a close): close[d(t)] / close[d(t − 1)] − 1, one fewer than the days.
    /// </summary>
    public void Returns(int symbol, ReadOnlySpan<int> days, Span<double> destination)
    {
        var closes = _closes[symbol];
        for (var t = 1; t < days.Length; t++)
        {
            destination[t - 1] = (closes[days[t]] / closes[days[t - 1]]) - 1d;
        }
    }

    /// <summary>The calendar over a span of days proportionate to the input: a slot per day maps it to its index.</summary>
    private static (int[] Days, int[]? Slots) DenseDays(IReadOnlyList<IReadOnlyList<(DateOnly Date, decimal Close)>> series, int first, int span)
    {
        var slots = new int[span];
        foreach (var closes in series)
        {
            foreach (var (date, _) in closes)
            {
                slots[date.DayNumber - first] = 1;
            }
        }

        var count = 0;
        foreach (var slot in slots)
        {
            count += slot;
        }

        var days = new int[count];
        var index = 0;
        for (var offset = 0; offset < span; offset++)
        {
            if (slots[offset] != 0)
            {
                days[index] = first + offset;
                slots[offset] = index++;
            }
        }

        return (days, slots);
    }

    /// <summary>The calendar of dates far apart (a slot per day would be mostly empty): found by binary search instead.</summary>
    private static (int[] Days, int[]? Slots) SparseDays(IReadOnlyList<IReadOnlyList<(DateOnly Date, decimal Close)>> series)
    {
        var distinct = new HashSet<int>();
        foreach (var closes in series)
        {
            foreach (var (date, _) in closes)
            {
                distinct.Add(date.DayNumber);
            }
        }

        int[] days = [.. distinct];
        Array.Sort(days);
        return (days, null);
    }
}
