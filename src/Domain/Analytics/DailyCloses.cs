using System.Buffers;
using System.Collections.Concurrent;
using System.Numerics;
using System.Runtime.InteropServices;

namespace RiskPlatform.Domain.Analytics;

/// <summary>
/// One symbol's stored daily closes in date order, prepared for correlating its daily returns with another symbol's many times
/// (the max_correlation rule, against every held position, on every order). The returns of the last k closes, centred and scaled
/// to unit length, are computed once per k and kept, so that two symbols quoted on the same days correlate in one dot product.
/// Immutable apart from that cache; safe to share between threads.
/// </summary>
public sealed class DailyCloses
{
    private readonly int[] _days;
    private readonly double[] _closes;
    private readonly int _count;
    private readonly ConcurrentDictionary<int, double[]?> _unitReturns = new();

    /// <summary>The last window asked for: every order of a rule asks for the same one, so this spares the dictionary.</summary>
    private volatile UnitReturnsOf? _lastUnitReturns;

    /// <param name="closes">The closes, in any order; repeated dates and non-positive closes are dropped.</param>
    /// <param name="calendars">
    /// When given, series quoted on exactly the same days share one array of days, so that telling two of them are aligned costs
    /// one reference comparison instead of comparing every date.
    /// </param>
    public DailyCloses(IEnumerable<(DateOnly Date, decimal Close)> closes, DayCalendars? calendars = null)
    {
        ArgumentNullException.ThrowIfNull(closes);
        var ordered = closes.Where(c => c.Close > 0m).OrderBy(c => c.Date).DistinctBy(c => c.Date).ToArray();
        int[] days = [.. ordered.Select(c => c.Date.DayNumber)];
        _days = calendars?.Intern(days) ?? days;
        _closes = [.. ordered.Select(c => (double)c.Close)];
        _count = _days.Length;
    }

    private DailyCloses(int[] days, double[] closes, int count)
    {
        _days = days;
        _closes = closes;
        _count = count;
    }

    public int Count => _count;

    public DateOnly? LastDate => _count == 0 ? null : DateOnly.FromDayNumber(_days[_count - 1]);

    /// <summary>The closes dated before <paramref name="date"/>: a view sharing this series' arrays (a backtest's "as of" each day).</summary>
    public DailyCloses Before(DateOnly date)
    {
        var end = Array.BinarySearch(_days, 0, _count, date.DayNumber);
        end = end >= 0 ? end : ~end;
        return end == _count ? this : new DailyCloses(_days, _closes, end);
    }

    /// <summary>
    /// The Pearson correlation of the two symbols' simple daily returns over their last common closes: the dates both have a
    /// close on, at most <paramref name="lookbackReturns"/> + 1 of them (so at most that many returns), the same alignment as the
    /// analytics' beta. Null (with the count found) when fewer than <paramref name="minimumReturns"/> returns exist; 0 when either
    /// series is constant. Equal to <see cref="ReturnStatistics.Correlation"/> over the same returns.
    /// </summary>
    public static PairCorrelation Correlate(DailyCloses a, DailyCloses b, int lookbackReturns, int minimumReturns)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        var window = lookbackReturns + 1;
        var k = Math.Min(window, Math.Min(a.Count, b.Count));
        if (k >= 2
            && a._days[a.Count - 1] == b._days[b.Count - 1]
            && a._days[a.Count - k] == b._days[b.Count - k]
            && a._days.AsSpan(a.Count - k, k).SequenceEqual(b._days.AsSpan(b.Count - k, k))
            && (k == window || a.Count == k || b.Count == k))
        {
            // The last k days are the same in both, and nothing earlier can be common (the window is full, or one series has no
            // earlier close): the common closes are exactly these.
            if (k - 1 < minimumReturns)
            {
                return new PairCorrelation(null, k - 1);
            }

            var unitA = a.UnitReturns(k);
            var unitB = b.UnitReturns(k);
            return new PairCorrelation(unitA is null || unitB is null ? 0d : Math.Clamp(Dot(unitA, unitB), -1d, 1d), k - 1);
        }

        return CorrelateByDate(a, b, window, minimumReturns);
    }

    /// <summary>
    /// The general case: walk both series back from their ends, keeping the dates both have, until the window is full; the returns
    /// between consecutive common closes go to pooled buffers and are correlated there (two passes, as
    /// <see cref="ReturnStatistics.Correlation"/>), with nothing allocated.
    /// </summary>
    private static PairCorrelation CorrelateByDate(DailyCloses a, DailyCloses b, int window, int minimumReturns)
    {
        var returnsA = ArrayPool<double>.Shared.Rent(window);
        var returnsB = ArrayPool<double>.Shared.Rent(window);
        try
        {
            // Returns are written from the newest backwards: slot n − 1 − t holds the t-th newest.
            var n = 0;
            double laterA = 0d, laterB = 0d;
            var common = 0;
            int i = a.Count - 1, j = b.Count - 1;
            while (i >= 0 && j >= 0 && common < window)
            {
                if (a._days[i] == b._days[j])
                {
                    if (common > 0)
                    {
                        returnsA[n] = (laterA / a._closes[i]) - 1d;
                        returnsB[n] = (laterB / b._closes[j]) - 1d;
                        n++;
                    }

                    (laterA, laterB) = (a._closes[i], b._closes[j]);
                    common++;
                    i--;
                    j--;
                }
                else if (a._days[i] > b._days[j])
                {
                    i--;
                }
                else
                {
                    j--;
                }
            }

            if (n < minimumReturns)
            {
                return new PairCorrelation(null, n);
            }

            // The order of the returns does not change a correlation.
            return new PairCorrelation(ReturnStatistics.Correlation(returnsA.AsSpan(0, n), returnsB.AsSpan(0, n)), n);
        }
        finally
        {
            ArrayPool<double>.Shared.Return(returnsA);
            ArrayPool<double>.Shared.Return(returnsB);
        }
    }

    /// <summary>The k − 1 returns of the last k closes, centred and scaled to unit length; null when they are constant.</summary>
    private double[]? UnitReturns(int k)
    {
        if (_lastUnitReturns is { } last && last.Closes == k)
        {
            return last.Unit;
        }

        var unit = _unitReturns.GetOrAdd(k, static (count, self) => self.ComputeUnitReturns(count), this);
        _lastUnitReturns = new UnitReturnsOf(k, unit);
        return unit;
    }

    private double[]? ComputeUnitReturns(int count)
    {
        var self = this;
        var returns = Returns(self._closes.AsSpan(self.Count - count, count));
        var mean = 0d;
        foreach (var r in returns)
        {
            mean += r;
        }

        mean /= returns.Length;
        for (var t = 0; t < returns.Length; t++)
        {
            returns[t] -= mean;
        }

        var length = Math.Sqrt(Dot(returns, returns));
        if (length == 0d)
        {
            return null;
        }

        for (var t = 0; t < returns.Length; t++)
        {
            returns[t] /= length;
        }

        return returns;
    }

    private static double[] Returns(ReadOnlySpan<double> closes)
    {
        var returns = new double[closes.Length - 1];
        for (var t = 1; t < closes.Length; t++)
        {
            returns[t - 1] = (closes[t] / closes[t - 1]) - 1d;
        }

        return returns;
    }

    private static double Dot(ReadOnlySpan<double> a, ReadOnlySpan<double> b)
    {
        var t = 0;
        var sum = 0d;
        if (Vector.IsHardwareAccelerated && a.Length >= Vector<double>.Count * 2)
        {
            var acc = Vector<double>.Zero;
            var va = MemoryMarshal.Cast<double, Vector<double>>(a);
            var vb = MemoryMarshal.Cast<double, Vector<double>>(b[..a.Length]);
            for (var v = 0; v < va.Length; v++)
            {
                acc += va[v] * vb[v];
            }

            sum = Vector.Sum(acc);
            t = va.Length * Vector<double>.Count;
        }

        for (; t < a.Length; t++)
        {
            sum += a[t] * b[t];
        }

        return sum;
    }

    private sealed record UnitReturnsOf(int Closes, double[]? Unit);
}

/// <summary>
/// Shares the arrays of days among <see cref="DailyCloses"/> quoted on the same days (most symbols of one market are): build the
/// series of one load with one instance. Thread-safe.
/// </summary>
public sealed class DayCalendars
{
    private readonly Dictionary<Key, int[]> _arrays = [];
    private readonly Lock _lock = new();

    internal int[] Intern(int[] days)
    {
        var key = new Key(days);
        lock (_lock)
        {
            if (_arrays.TryGetValue(key, out var shared))
            {
                return shared;
            }

            _arrays[key] = days;
            return days;
        }
    }

    private readonly struct Key(int[] days) : IEquatable<Key>
    {
        private readonly int[] _days = days;

        public bool Equals(Key other) => _days.AsSpan().SequenceEqual(other._days);

        public override bool Equals(object? obj) => obj is Key other && Equals(other);

        public override int GetHashCode() =>
            _days.Length == 0 ? 0 : HashCode.Combine(_days.Length, _days[0], _days[^1], _days[_days.Length / 2]);
    }
}

/// <summary>A measured correlation (null when there were too few common returns) and how many returns it used.</summary>
public readonly record struct PairCorrelation(double? Correlation, int Returns);
