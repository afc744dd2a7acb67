using MathNet.Numerics.Distributions;
using MathNet.Numerics.Statistics;
using RiskPlatform.Domain.Analytics;

namespace RiskPlatform.Domain.UnitTests.Analytics;

public sealed class ValueAtRiskTests
{
    // P&L of 100 days: −50, −49, …, 49.
    private static readonly double[] Ladder = Enumerable.Range(-50, 100).Select(v => (double)v).ToArray();

    [Theory]
    [InlineData(0.95, 46, 48)] // k = ⌈0.05 × 100⌉ = 5: the 5th worst is −46; the 5 worst average −48
    [InlineData(0.99, 50, 50)] // k = 1
    public void Historical_OnALadder_IsTheKthWorstLossAndTheMeanOfTheKWorst(double confidence, double var, double es)
    {
        var (valueAtRisk, shortfall) = ValueAtRisk.Historical(Ladder, confidence);

        Assert.Equal((var, es), (valueAtRisk, shortfall));
    }

    [Fact]
    public void Historical_IgnoresTheOrderOfTheDays()
    {
        var shuffled = Ladder.OrderBy(v => (v * 7919) % 101).ToArray();

        Assert.Equal(ValueAtRisk.Historical(Ladder, 0.95), ValueAtRisk.Historical(shuffled, 0.95));
    }

    [Fact]
    public void Parametric_OnAFixedSeries_MatchesTheNormalFormula()
    {
        double[] pnl = [1, -1, 1, -1]; // μ = 0, σ = √(4/3)
        var sigma = Math.Sqrt(4d / 3d);

        var (var95, es95) = ValueAtRisk.Parametric(pnl, 0.95);

        Assert.Equal(1.6448536269514722 * sigma, var95, 12);
        Assert.Equal(1.899, var95, 3);
        Assert.Equal(sigma * Normal.PDF(0, 1, 1.6448536269514722) / 0.05, es95, 12);
    }

    [Theory]
    [InlineData(0.95)]
    [InlineData(0.99)]
    public void Parametric_OnASeededYear_MatchesMathNetsNormal(double confidence)
    {
        var random = new Random(42);
        var pnl = Enumerable.Range(0, 250).Select(_ => (random.NextDouble() - 0.48) * 1000).ToArray();
        var mean = Statistics.Mean(pnl);
        var sd = Statistics.StandardDeviation(pnl);
        var z = Normal.InvCDF(0, 1, confidence);

        var (var, es) = ValueAtRisk.Parametric(pnl, confidence);

        Assert.Equal(z, ValueAtRisk.NormalQuantile(confidence), 9);
        Assert.Equal((z * sd) - mean, var, 6);
        Assert.Equal((sd * Normal.PDF(0, 1, z) / (1 - confidence)) - mean, es, 6);
    }

    [Fact]
    public void PnlSeries_IsTheExposureWeightedSumOfTheDaysReturns()
    {
        var pnl = ValueAtRisk.PnlSeries([1000, -500], [[0.01, -0.02], [0.02, 0.04]]);

        Assert.Equal([0d, -40d], pnl.Select(v => Math.Round(v, 9)));
    }

    [Fact]
    public void Contributions_AddUpToTheZeroMeanParametricVaR()
    {
        var random = new Random(7);
        double[][] returns = [.. Enumerable.Range(0, 3).Select(_ => Enumerable.Range(0, 120).Select(_ => (random.NextDouble() - 0.5) * 0.03).ToArray())];
        double[] exposures = [10_000, 25_000, -5_000];

        var contributions = ValueAtRisk.Contributions(exposures, returns, 0.99);

        var pnl = ValueAtRisk.PnlSeries(exposures, returns);
        Assert.Equal(2.3263478740408408 * Statistics.StandardDeviation(pnl), contributions.Sum(), 6);
    }

    [Fact]
    public void NormalQuantile_OfAnUnsupportedConfidence_Throws()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => ValueAtRisk.NormalQuantile(0.9));
    }
}
