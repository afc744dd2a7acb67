namespace RiskPlatform.Domain.Analytics;

/// <summary>
/// One-day value at risk and expected shortfall (CVaR) of a portfolio of fixed dollar exposures, as positive losses in dollars.
/// <list type="bullet">
/// <item>Historical: the day's P&amp;L of the exposures under each past day's returns, P&amp;L[t] = Σ exposure[i] × return[i][t],
/// sorted; with n days and confidence c, VaR is the k-th worst loss, k = ⌈(1 − c) × n⌉, and ES the mean of the k worst.</item>
/// <item>Parametric (normal): with μ and σ the mean and sample standard deviation of the same P&amp;L, VaR = z·σ − μ and
/// ES = σ·φ(z)/(1 − c) − μ, z the standard normal quantile of c.</item>
/// </list>
/// </summary>
public static class ValueAtRisk
{
    /// <summary>The standard normal quantile of a supported confidence (95 % or 99 %).</summary>
    public static double NormalQuantile(double confidence) => confidence switch
    {
        0.95 => 1.6448536269514722,
        0.99 => 2.3263478740408408,
        _ => throw new ArgumentOutOfRangeException(nameof(confidence), confidence, "Only 0.95 and 0.99 are supported."),
    };

    /// <summary>The portfolio's P&amp;L under each day's returns.</summary>
    public static double[] PnlSeries(IReadOnlyList<double> exposures, IReadOnlyList<double[]> returns)
    {
        ArgumentNullException.ThrowIfNull(exposures);
        ArgumentNullException.ThrowIfNull(returns);
        var days = returns.Count == 0 ? 0 : returns[0].Length;
        var pnl = new double[days];
        for (var i = 0; i < exposures.Count; i++)
        {
            var series = returns[i];
            for (var t = 0; t < days; t++)
            {
                pnl[t] += exposures[i] * series[t];
            }
        }

        return pnl;
    }

    public static (double VaR, double ExpectedShortfall) Historical(ReadOnlySpan<double> pnl, double confidence)
    {
        if (pnl.Length == 0)
        {
            throw new ArgumentException("At least one day of P&L is needed.", nameof(pnl));
        }

        var sorted = pnl.ToArray();
        Array.Sort(sorted);
        var k = Math.Max(1, (int)Math.Ceiling(Math.Round((1d - confidence) * sorted.Length, 9)));
        var tail = 0d;
        for (var i = 0; i < k; i++)
        {
            tail += sorted[i];
        }

        return (-sorted[k - 1], -tail / k);
    }

    public static (double VaR, double ExpectedShortfall) Parametric(ReadOnlySpan<double> pnl, double confidence)
    {
        var mean = ReturnStatistics.Mean(pnl);
        var sigma = ReturnStatistics.StandardDeviation(pnl);
        var z = NormalQuantile(confidence);
        var density = Math.Exp(-z * z / 2d) / Math.Sqrt(2d * Math.PI);
        return ((z * sigma) - mean, (sigma * density / (1d - confidence)) - mean);
    }

    /// <summary>
    /// Each exposure's contribution to the zero-mean parametric VaR at <paramref name="confidence"/>:
    /// z × exposure[i] × cov(return[i], P&amp;L) / σ(P&amp;L). The contributions add up to z × σ(P&amp;L).
    /// </summary>
    public static double[] Contributions(IReadOnlyList<double> exposures, IReadOnlyList<double[]> returns, double confidence)
    {
        ArgumentNullException.ThrowIfNull(exposures);
        var pnl = PnlSeries(exposures, returns);
        var sigma = ReturnStatistics.StandardDeviation(pnl);
        var z = NormalQuantile(confidence);
        var contributions = new double[exposures.Count];
        for (var i = 0; i < exposures.Count; i++)
        {
            contributions[i] = sigma == 0d ? 0d : z * exposures[i] * ReturnStatistics.Covariance(returns[i], pnl) / sigma;
        }

        return contributions;
    }
}
