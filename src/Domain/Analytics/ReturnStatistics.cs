namespace RiskPlatform.Domain.Analytics;

/// <summary>
/// Statistics of daily return series, by their textbook formulas (sample moments, n − 1). Series passed together must be
/// aligned: the same length, element t of each being the same day.
/// </summary>
public static class ReturnStatistics
{
    /// <summary>Trading days in a year, used to annualise a daily volatility (σ × √252).</summary>
    public const int TradingDaysPerYear = 252;

    /// <summary>Simple returns close[t] / close[t − 1] − 1 of consecutive closes (one fewer than the closes).</summary>
    public static double[] SimpleReturns(IReadOnlyList<decimal> closes)
    {
        ArgumentNullException.ThrowIfNull(closes);
        if (closes.Count < 2)
        {
            return [];
        }

        // In double: a decimal division costs about ten times as much, and returns are doubles from here on anyway.
        var returns = new double[closes.Count - 1];
        var previous = (double)closes[0];
        for (var t = 1; t < closes.Count; t++)
        {
            var close = (double)closes[t];
            returns[t - 1] = (close / previous) - 1d;
            previous = close;
        }

        return returns;
    }

    public static double Mean(ReadOnlySpan<double> values)
    {
        RequireAtLeast(values.Length, 1);
        var sum = 0d;
        foreach (var value in values)
        {
            sum += value;
        }

        return sum / values.Length;
    }

    /// <summary>Sample covariance (divides by n − 1).</summary>
    public static double Covariance(ReadOnlySpan<double> a, ReadOnlySpan<double> b)
    {
        RequireAligned(a, b);
        RequireAtLeast(a.Length, 2);
        var meanA = Mean(a);
        var meanB = Mean(b);
        var sum = 0d;
        for (var i = 0; i < a.Length; i++)
        {
            sum += (a[i] - meanA) * (b[i] - meanB);
        }

        return sum / (a.Length - 1);
    }

    /// <summary>Sample standard deviation (n − 1).</summary>
    public static double StandardDeviation(ReadOnlySpan<double> values) => Math.Sqrt(Covariance(values, values));

    /// <summary>Daily sample standard deviation × √252.</summary>
    public static double AnnualisedVolatility(ReadOnlySpan<double> dailyReturns) =>
        StandardDeviation(dailyReturns) * Math.Sqrt(TradingDaysPerYear);

    /// <summary>Pearson correlation in [−1, 1]; 0 when either series is constant (no co-movement can be measured).</summary>
    public static double Correlation(ReadOnlySpan<double> a, ReadOnlySpan<double> b)
    {
        var sdA = StandardDeviation(a);
        var sdB = StandardDeviation(b);
        return sdA == 0d || sdB == 0d ? 0d : Math.Clamp(Covariance(a, b) / (sdA * sdB), -1d, 1d);
    }

    /// <summary>β of <paramref name="asset"/> to <paramref name="benchmark"/>: cov(asset, benchmark) / var(benchmark); null when the benchmark is constant.</summary>
    public static double? Beta(ReadOnlySpan<double> asset, ReadOnlySpan<double> benchmark)
    {
        var variance = Covariance(benchmark, benchmark);
        return variance == 0d ? null : Covariance(asset, benchmark) / variance;
    }

    private static void RequireAligned(ReadOnlySpan<double> a, ReadOnlySpan<double> b)
    {
        if (a.Length != b.Length)
        {
            throw new ArgumentException($"The series must be aligned: {a.Length} and {b.Length} values.", nameof(b));
        }
    }

    private static void RequireAtLeast(int count, int minimum)
    {
        if (count < minimum)
        {
            throw new ArgumentException($"At least {minimum} values are needed, got {count}.");
        }
    }
}
