using MathNet.Numerics.Statistics;
using RiskPlatform.Domain.Analytics;

namespace RiskPlatform.Domain.UnitTests.Analytics;

/// <summary>
/// Volatility, correlation and beta on a small fixed series whose sums are worked out by hand below, and on a longer seeded
/// series against Math.NET's statistics as an independent reference.
/// </summary>
public sealed class ReturnStatisticsTests
{
    // a: mean 0.005, deviations 0.005, −0.025, 0.025, −0.005 → Σd² = 0.0013
    // b: mean 0.005, deviations 0.015, −0.015, 0.005, −0.005 → Σd² = 0.0005;  Σ(da·db) = 0.0006
    private static readonly double[] A = [0.01, -0.02, 0.03, 0.00];
    private static readonly double[] B = [0.02, -0.01, 0.01, 0.00];

    [Fact]
    public void SimpleReturns_AreCloseOverPreviousCloseMinusOne()
    {
        var returns = ReturnStatistics.SimpleReturns([100m, 110m, 99m, 108.9m]);

        Assert.Equal([0.1, -0.1, 0.1], returns.Select(r => Math.Round(r, 12)));
    }

    [Fact]
    public void Covariance_AndStandardDeviation_OnTheFixedSeries_MatchTheHandSums()
    {
        Assert.Equal(0.0006 / 3, ReturnStatistics.Covariance(A, B), 15);
        Assert.Equal(Math.Sqrt(0.0013 / 3), ReturnStatistics.StandardDeviation(A), 15);
    }

    [Fact]
    public void AnnualisedVolatility_OnTheFixedSeries_IsDailySigmaTimesRoot252()
    {
        Assert.Equal(Math.Sqrt(0.0013 / 3) * Math.Sqrt(252), ReturnStatistics.AnnualisedVolatility(A), 14);
        Assert.Equal(0.3304542, ReturnStatistics.AnnualisedVolatility(A), 6);
    }

    [Fact]
    public void Correlation_OnTheFixedSeries_MatchesTheHandSums()
    {
        Assert.Equal(0.0006 / Math.Sqrt(0.0013 * 0.0005), ReturnStatistics.Correlation(A, B), 14);
        Assert.Equal(0.744208, ReturnStatistics.Correlation(A, B), 6);
    }

    [Fact]
    public void Beta_OnTheFixedSeries_IsCovarianceOverBenchmarkVariance()
    {
        Assert.Equal(1.2, ReturnStatistics.Beta(A, B)!.Value, 12);
    }

    [Fact]
    public void Correlation_WithAConstantSeries_IsZero_AndBetaToItIsNull()
    {
        double[] flat = [0.01, 0.01, 0.01, 0.01];

        Assert.Equal(0d, ReturnStatistics.Correlation(A, flat));
        Assert.Null(ReturnStatistics.Beta(A, flat));
    }

    [Fact]
    public void Statistics_OnASeededYear_MatchMathNet()
    {
        var random = new Random(17);
        var x = Enumerable.Range(0, 250).Select(_ => (random.NextDouble() - 0.5) * 0.04).ToArray();
        var y = x.Select(v => (0.7 * v) + ((random.NextDouble() - 0.5) * 0.02)).ToArray();

        Assert.Equal(Statistics.StandardDeviation(x), ReturnStatistics.StandardDeviation(x), 12);
        Assert.Equal(Statistics.Covariance(x, y), ReturnStatistics.Covariance(x, y), 12);
        Assert.Equal(Correlation.Pearson(x, y), ReturnStatistics.Correlation(x, y), 12);
        Assert.Equal(Statistics.Covariance(y, x) / Statistics.Variance(x), ReturnStatistics.Beta(y, x)!.Value, 12);
    }

    [Fact]
    public void Covariance_OfSeriesOfDifferentLengths_Throws()
    {
        Assert.Throws<ArgumentException>(() => ReturnStatistics.Covariance(A, [0.1, 0.2]));
    }
}
