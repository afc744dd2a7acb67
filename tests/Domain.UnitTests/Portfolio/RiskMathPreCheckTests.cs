using RiskPlatform.Domain.RiskRules;
using RiskPlatform.Domain.RiskRules.Engine;
using static RiskPlatform.Domain.UnitTests.Portfolio.PortfolioTestData;

namespace RiskPlatform.Domain.UnitTests.Portfolio;

/// <summary>The division-free pre-checks agree with the formulas they stand in for, and the engine's filter keeps what matters.</summary>
public sealed class RiskMathPreCheckTests
{
    [Theory]
    [InlineData(10_000, 100_000, 9.99, true)]
    [InlineData(10_000, 100_000, 10, true)]
    [InlineData(10_000, 100_000, 10.01, false)]
    [InlineData(10_000, 0, 50, true)]
    [InlineData(0, 0, 0.5, false)]
    [InlineData(1, 3, 33.3333, true)]
    public void PercentReaches_AgreesWithPercentOf(double part, double whole, double percent, bool expected)
    {
        Assert.Equal(expected, RiskMath.PercentReaches((decimal)part, (decimal)whole, (decimal)percent));
        Assert.Equal(RiskMath.PercentOf((decimal)part, (decimal)whole) >= (decimal)percent, expected);
    }

    [Theory]
    [InlineData(10, 100, 94, false, 5.99, true)]
    [InlineData(10, 100, 94, false, 6, true)]
    [InlineData(10, 100, 94, false, 6.01, false)]
    [InlineData(-10, 100, 106, false, 5.5, true)]
    [InlineData(-10, 100, 94, true, 5.5, true)]
    [InlineData(10, 100, 94, true, 0.5, false)]
    [InlineData(0, 100, 50, false, 1, false)]
    public void MovePercentReaches_AgreesWithTheMoveFormulas(double quantity, double entry, double price, bool favourable, double percent, bool expected)
    {
        var (q, e, p, t) = ((decimal)quantity, (decimal)entry, (decimal)price, (decimal)percent);
        var measured = favourable ? RiskMath.GainMovePercent(q, e, p) : RiskMath.AdverseMovePercent(q, e, p);

        Assert.Equal(expected, RiskMath.MovePercentReaches(q, e, p, favourable, t));
        Assert.Equal(measured >= t, expected);
    }

    [Fact]
    public void EvaluatePortfolio_WithMinUtilisation_ObservesOnlyPositionsAboveTheLevelAndEveryAccountRule()
    {
        var snapshot = Snapshot(positions: [Long("AAPL", 100), Long("MSFT", 96), Long("GOOG", 94)]);
        var concentration = Rule(RiskRuleType.MaxConcentration, 10m, ThresholdUnit.Percent, RiskAction.Alert);
        var leverage = Rule(RiskRuleType.MaxLeverage, 5m, ThresholdUnit.Ratio, RiskAction.Alert);

        var all = RiskEngine.EvaluatePortfolio(snapshot, [concentration, leverage]);
        var filtered = RiskEngine.EvaluatePortfolio(snapshot, [concentration, leverage], null, 0.96m); // level 9.6: MSFT is exactly at it

        Assert.Equal(4, all.Count);
        Assert.Equal([(null, 0.29m), ("AAPL", 10m), ("MSFT", 9.6m)], filtered.Select(o => (o.Symbol, o.Observed)).ToArray());
    }
}
