namespace RiskPlatform.Domain.Portfolio.Equity;

/// <summary>
/// The compaction of an account's equity history (stored as <see cref="EquitySnapshot"/> rows, one per mark-to-market).
/// Pure: the caller loads the points, calls <see cref="Compact"/>, and deletes the rows whose instant is not kept.
/// </summary>
public static class EquityHistory
{
    /// <summary>
    /// The points to keep at <paramref name="now"/>, ascending by time. Within a minute (or hour) bucket the last point is kept, so
    /// each bucket keeps its closing equity. Points after <paramref name="now"/> are kept as they are. Input order does not matter;
    /// of two points at the same instant the later one in the input wins.
    /// </summary>
    public static IReadOnlyList<EquityPoint> Compact(IReadOnlyList<EquityPoint> points, DateTime now, EquityHistoryPolicy? policy = null)
    {
        policy ??= EquityHistoryPolicy.Default;
        // Stable sort by time, so equal instants keep input order.
        var ordered = points.Select((p, i) => (Point: p, Index: i)).OrderBy(x => x.Point.At).ThenBy(x => x.Index).Select(x => x.Point).ToArray();

        var kept = new List<EquityPoint>(Math.Min(ordered.Length, policy.MaxPoints));
        var allFrom = now - policy.KeepAll;
        var minuteFrom = now - policy.KeepPerMinute;
        var hourFrom = now - policy.KeepPerHour;
        for (var i = 0; i < ordered.Length; i++)
        {
            var point = ordered[i];
            if (point.At < hourFrom)
            {
                continue;
            }

            if (i + 1 < ordered.Length)
            {
                var next = ordered[i + 1];
                if (next.At == point.At)
                {
                    continue;
                }

                var bucket = BucketOf(point.At, allFrom, minuteFrom);
                if (bucket is { } size && next.At < allFrom && Truncate(next.At, size) == Truncate(point.At, size)
                    && BucketOf(next.At, allFrom, minuteFrom) == size)
                {
                    // A later point in the same bucket closes it; this one is superseded.
                    continue;
                }
            }

            kept.Add(point);
        }

        return kept.Count <= policy.MaxPoints ? kept : kept.GetRange(kept.Count - policy.MaxPoints, policy.MaxPoints);
    }

    /// <summary>
    /// The last point of each bucket of <paramref name="width"/> (buckets aligned to whole multiples of it since 0001-01-01,
    /// so minutes, hours and UTC days), in time order: the equity as it stood at the end of each interval.
    /// </summary>
    public static IReadOnlyList<EquityPoint> LastPerBucket(IReadOnlyList<EquityPoint> points, TimeSpan width)
    {
        ArgumentNullException.ThrowIfNull(points);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(width, TimeSpan.Zero);
        return points.Select((p, i) => (Point: p, Index: i))
            .OrderBy(x => x.Point.At).ThenBy(x => x.Index)
            .GroupBy(x => Truncate(x.Point.At, width))
            .Select(bucket => bucket.Last().Point)
            .ToList();
    }

    private static TimeSpan? BucketOf(DateTime at, DateTime allFrom, DateTime minuteFrom) =>
        at >= allFrom ? null : at >= minuteFrom ? TimeSpan.FromMinutes(1) : TimeSpan.FromHours(1);

    private static long Truncate(DateTime at, TimeSpan size) => at.Ticks / size.Ticks;
}
