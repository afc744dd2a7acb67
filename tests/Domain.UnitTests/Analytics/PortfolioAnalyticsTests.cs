using RiskPlatform.Domain.Analytics;

namespace RiskPlatform.Domain.UnitTests.Analytics;

public sealed class PortfolioAnalyticsTests
{
    private static readonly DateOnly Start = new(2026, 1, 1);

    [Fact]
    public void AlignedReturns_KeepOnlyTheDatesEverySymbolHas()
    {
        var closes = new Dictionary<string, IReadOnlyList<(DateOnly, decimal)>>
        {
            ["A"] = [(Start, 100m), (Start.AddDays(1), 110m), (Start.AddDays(2), 121m), (Start.AddDays(3), 133.1m)],
            ["B"] = [(Start, 50m), (Start.AddDays(2), 55m), (Start.AddDays(3), 60.5m)],
        };

        var aligned = AlignedReturns.From(closes, maxReturns: 10);

        Assert.Equal([Start.AddDays(2), Start.AddDays(3)], aligned.Dates);
        Assert.Equal([0.21, 0.1], aligned.Returns["A"].Select(r => Math.Round(r, 12)));
        Assert.Equal([0.1, 0.1], aligned.Returns["B"].Select(r => Math.Round(r, 12)));
    }

    [Fact]
    public void AlignedReturns_KeepTheLastMaxReturns()
    {
        var closes = new Dictionary<string, IReadOnlyList<(DateOnly, decimal)>>
        {
            ["A"] = [.. Enumerable.Range(0, 10).Select(i => (Start.AddDays(i), 100m + i))],
        };

        var aligned = AlignedReturns.From(closes, maxReturns: 3);

        Assert.Equal([Start.AddDays(7), Start.AddDays(8), Start.AddDays(9)], aligned.Dates);
    }

    [Fact]
    public void Compute_WithFewerThan20CommonReturns_LeavesTheCommonFiguresNull_WithTheReason()
    {
        var result = PortfolioAnalytics.Compute(Input(days: 20, [new("A", 10m, 1_000m, null)]));

        Assert.Equal(19, result.CommonReturns);
        Assert.Equal(PortfolioAnalytics.InsufficientHistory, result.InsufficientReason);
        Assert.Null(result.ValueAtRisk);
        Assert.Null(result.CorrelationMatrix);
        Assert.Null(result.Positions[0].AnnualisedVolatility);
    }

    [Fact]
    public void Compute_With20Returns_ReportsEveryFigure_AndGroupsSectorsWithUnclassified()
    {
        var result = PortfolioAnalytics.Compute(Input(days: 21,
        [
            new("A", 10m, 1_000m, "Energy"),
            new("B", -5m, -500m, null),
            new("C", 2m, 300m, " "),
        ]));

        Assert.Null(result.InsufficientReason);
        Assert.Equal(20, result.CommonReturns);
        Assert.NotNull(result.ValueAtRisk);
        Assert.Equal(3, result.CorrelationMatrix!.Length);
        Assert.All(result.Positions, p => Assert.NotNull(p.AnnualisedVolatility));
        Assert.All(result.Positions, p => Assert.NotNull(p.Beta));
        var unclassified = Assert.Single(result.Sectors, s => s.Sector == "unclassified");
        Assert.Equal((800m, -200m, 0.8m), (unclassified.GrossExposure, unclassified.NetExposure, unclassified.PercentOfEquity));
        Assert.Equal(1d, result.VaRContributors.Sum(c => c.ShareOfTotal), 9);
    }

    [Fact]
    public void Compute_CorrelationMatrix_EqualsPairwisePearson()
    {
        var input = Input(days: 60, [new("A", 10m, 1_000m, null), new("B", 3m, 900m, null), new("C", -2m, -400m, null)]);

        var result = PortfolioAnalytics.Compute(input);

        var aligned = AlignedReturns.From(
            input.Closes.Where(c => c.Key != "SPY").ToDictionary(c => c.Key, c => c.Value), input.LookbackReturns);
        string[] symbols = ["A", "B", "C"];
        for (var i = 0; i < 3; i++)
        {
            for (var j = 0; j < 3; j++)
            {
                var expected = MathNet.Numerics.Statistics.Correlation.Pearson(aligned.Returns[symbols[i]], aligned.Returns[symbols[j]]);
                Assert.Equal(expected, result.CorrelationMatrix![i][j], 12);
            }
        }
    }

    [Fact]
    public void Compute_IsDeterministic()
    {
        var input = Input(days: 40, [new("A", 10m, 1_000m, null), new("B", 3m, 900m, "Tech")]);

        Assert.Equivalent(PortfolioAnalytics.Compute(input), PortfolioAnalytics.Compute(input), strict: true);
    }

    private static PortfolioAnalyticsInput Input(int days, IReadOnlyList<AnalyticsPosition> positions)
    {
        var closes = new Dictionary<string, IReadOnlyList<(DateOnly, decimal)>>();
        foreach (var (symbol, seed) in positions.Select((p, i) => (p.Symbol, i + 1)).Append(("SPY", 99)))
        {
            var random = new Random(seed);
            var price = 100m;
            var series = new List<(DateOnly, decimal)>();
            for (var d = 0; d < days; d++)
            {
                price = decimal.Round(price * (1m + ((decimal)random.NextDouble() - 0.5m) / 25m), 4);
                series.Add((Start.AddDays(d), price));
            }

            closes[symbol] = series;
        }

        return new PortfolioAnalyticsInput(positions, 100_000m, "SPY", 252, closes);
    }
}
