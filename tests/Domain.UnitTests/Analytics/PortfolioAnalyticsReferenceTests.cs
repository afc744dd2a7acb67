using MathNet.Numerics.Distributions;
using MathNet.Numerics.Statistics;
using RiskPlatform.Domain.Analytics;

namespace RiskPlatform.Domain.UnitTests.Analytics;

/// <summary>
/// <see cref="PortfolioAnalytics.Compute"/> against a straightforward reference written here: dates intersected with LINQ per
/// pair and per portfolio, statistics from Math.NET, VaR by its textbook definition. The portfolios are random, with gaps in
/// every symbol's history (so each pair, the benchmark pairs and the whole portfolio align on different days), unsorted closes,
/// a held symbol without any history, two positions in one symbol, shorts, and windows shorter and longer than the history.
/// </summary>
public sealed class PortfolioAnalyticsReferenceTests
{
    private const double Relative = 1e-9;

    [Theory]
    [InlineData(1, 40, 120, 60, false)]
    [InlineData(2, 25, 260, 252, false)]
    [InlineData(3, 8, 90, 500, true)]
    [InlineData(4, 60, 300, 30, false)]
    public void Compute_OnARandomPortfolio_EqualsTheStraightforwardReference(int seed, int positions, int days, int lookback, bool unquoted)
    {
        var input = RandomInput(seed, positions, days, lookback, gapEvery: 37, unquoted);

        var result = PortfolioAnalytics.Compute(input);

        Assert.Equal(unquoted ? PortfolioAnalytics.InsufficientHistory : null, result.InsufficientReason);
        AssertMatchesReference(input, result);
    }

    [Fact]
    public void Compute_WhenEveryHeldSymbolIsQuotedOnTheSameDays_EqualsTheReference()
    {
        var input = RandomInput(seed: 5, positions: 30, days: 253, lookback: 252, gapEvery: 0, unquoted: false);

        var result = PortfolioAnalytics.Compute(input);

        Assert.Null(result.InsufficientReason);
        Assert.Equal(252, result.CommonReturns);
        AssertMatchesReference(input, result);
    }

    private static void AssertMatchesReference(PortfolioAnalyticsInput input, PortfolioAnalyticsResult result)
    {
        var held = input.Positions.Select(p => p.Symbol).Distinct().Order(StringComparer.Ordinal).ToList();
        Assert.Equal(held, result.CorrelationSymbols);

        // Per position: volatility over its own last returns, beta over the days it shares with the benchmark.
        var ordered = input.Positions.OrderBy(p => p.Symbol, StringComparer.Ordinal).ToList();
        Assert.Equal(ordered.Count, result.Positions.Count);
        for (var i = 0; i < ordered.Count; i++)
        {
            var actual = result.Positions[i];
            Assert.Equal(ordered[i].Symbol, actual.Symbol);
            var own = input.Closes.TryGetValue(ordered[i].Symbol, out var closes)
                ? Returns([.. closes.OrderBy(c => c.Date).TakeLast(input.LookbackReturns + 1).Select(c => c.Close)])
                : [];
            Assert.Equal(own.Length, actual.VolatilityReturns);
            AssertClose(own.Length >= 20 ? own.StandardDeviation() * Math.Sqrt(252) : null, actual.AnnualisedVolatility);

            double[] asset = [], benchmark = [];
            if (closes is not null && input.Closes.TryGetValue(input.Benchmark, out var bench))
            {
                var pair = Aligned([closes, bench], input.LookbackReturns);
                (asset, benchmark) = (pair.Returns[0], pair.Returns[1]);
            }

            Assert.Equal(asset.Length, actual.BetaReturns);
            AssertClose(
                asset.Length >= 20 ? asset.Covariance(benchmark) / benchmark.Variance() : null,
                actual.Beta);
        }

        // The portfolio: every figure over the days on which every held symbol has a close.
        var all = Aligned([.. held.Select(s => input.Closes.TryGetValue(s, out var c) ? c : [])], input.LookbackReturns);
        Assert.Equal(all.Dates.Count, result.CommonReturns);
        Assert.Equal(all.Dates.Count == 0 ? null : all.Dates[0], result.FirstReturnDate);
        Assert.Equal(all.Dates.Count == 0 ? null : all.Dates[^1], result.LastReturnDate);
        if (all.Dates.Count < 20)
        {
            Assert.Equal(PortfolioAnalytics.InsufficientHistory, result.InsufficientReason);
            Assert.Null(result.CorrelationMatrix);
            Assert.Null(result.ValueAtRisk);
            return;
        }

        for (var i = 0; i < held.Count; i++)
        {
            for (var j = 0; j < held.Count; j++)
            {
                var expected = all.Returns[i].StandardDeviation() == 0 || all.Returns[j].StandardDeviation() == 0
                    ? 0d
                    : Correlation.Pearson(all.Returns[i], all.Returns[j]);
                AssertClose(expected, result.CorrelationMatrix![i][j]);
            }
        }

        var exposures = held.Select(s => (double)input.Positions.Where(p => p.Symbol == s).Sum(p => p.MarketValue)).ToArray();
        var pnl = Enumerable.Range(0, all.Dates.Count).Select(t => held.Select((_, i) => exposures[i] * all.Returns[i][t]).Sum()).ToArray();
        foreach (var (confidence, historical, parametric) in new[]
        {
            (0.95, (result.ValueAtRisk!.Historical.VaR95, result.ValueAtRisk.Historical.ExpectedShortfall95),
                (result.ValueAtRisk.Parametric.VaR95, result.ValueAtRisk.Parametric.ExpectedShortfall95)),
            (0.99, (result.ValueAtRisk.Historical.VaR99, result.ValueAtRisk.Historical.ExpectedShortfall99),
                (result.ValueAtRisk.Parametric.VaR99, result.ValueAtRisk.Parametric.ExpectedShortfall99)),
        })
        {
            var worst = pnl.Order().ToArray();
            var k = Math.Max(1, (int)Math.Ceiling(Math.Round((1 - confidence) * pnl.Length, 9)));
            AssertClose(-worst[k - 1], historical.Item1);
            AssertClose(-worst.Take(k).Average(), historical.Item2);
            var z = Normal.InvCDF(0, 1, confidence);
            AssertClose((z * pnl.StandardDeviation()) - pnl.Mean(), parametric.Item1);
            AssertClose((pnl.StandardDeviation() * Normal.PDF(0, 1, z) / (1 - confidence)) - pnl.Mean(), parametric.Item2);
        }

        var z99 = Normal.InvCDF(0, 1, 0.99);
        var contributions = held.Select((s, i) => (Symbol: s, Value: z99 * exposures[i] * all.Returns[i].Covariance(pnl) / pnl.StandardDeviation()))
            .ToDictionary(c => c.Symbol, c => c.Value);
        Assert.Equal(held.Count, result.VaRContributors.Count);
        foreach (var contributor in result.VaRContributors)
        {
            AssertClose(contributions[contributor.Symbol], contributor.Contribution);
        }
    }

    /// <summary>The returns of every series over the dates all of them have, the last <paramref name="maxReturns"/> of them.</summary>
    private static (IReadOnlyList<DateOnly> Dates, double[][] Returns) Aligned(
        IReadOnlyList<IReadOnlyList<(DateOnly Date, decimal Close)>> series, int maxReturns)
    {
        var common = series.Select(s => s.Select(c => c.Date)).Aggregate((a, b) => a.Intersect(b)).Order().TakeLast(maxReturns + 1).ToList();
        var returns = series
            .Select(s => Returns([.. common.Select(d => s.Single(c => c.Date == d).Close)]))
            .ToArray();
        return ([.. common.Skip(1)], returns);
    }

    private static double[] Returns(IReadOnlyList<decimal> closes) =>
        [.. closes.Skip(1).Select((close, t) => (double)close / (double)closes[t] - 1d)];

    private static void AssertClose(double? expected, double? actual)
    {
        Assert.Equal(expected is null, actual is null);
        if (expected is { } e && actual is { } a)
        {
            Assert.True(
                Math.Abs(e - a) <= Relative * Math.Max(Math.Max(Math.Abs(e), Math.Abs(a)), 1e-3),
                $"expected {e:R}, got {a:R}");
        }
    }

    /// <summary>
    /// A random portfolio over <paramref name="days"/> weekdays: every symbol misses one day in <paramref name="gapEvery"/> at
    /// random (none when 0), its closes listed in a shuffled order; the benchmark too; one symbol is held by two positions and, when
    /// <paramref name="unquoted"/>, another has no history at all (so the portfolio has no common day).
    /// </summary>
    private static PortfolioAnalyticsInput RandomInput(int seed, int positions, int days, int lookback, int gapEvery, bool unquoted)
    {
        var random = new Random(seed);
        var start = new DateOnly(2025, 1, 6);
        var calendar = Enumerable.Range(0, days * 2).Select(start.AddDays)
            .Where(d => d.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday))
            .Take(days)
            .ToArray();
        var closes = new Dictionary<string, IReadOnlyList<(DateOnly Date, decimal Close)>>(StringComparer.Ordinal);
        var held = new List<AnalyticsPosition>();
        foreach (var symbol in Enumerable.Range(0, positions).Select(i => $"S{i:D3}").Append("SPY"))
        {
            var price = 20m + random.Next(0, 300);
            var series = new List<(DateOnly, decimal)>();
            foreach (var date in calendar)
            {
                price = decimal.Round(price * (1m + (((decimal)random.NextDouble() - 0.5m) / 20m)), 4);
                if (gapEvery == 0 || random.Next(gapEvery) != 0)
                {
                    series.Add((date, price));
                }
            }

            if (symbol != "S001" || !unquoted)
            {
                closes[symbol] = [.. series.OrderBy(_ => random.Next())];
            }

            if (symbol != "SPY")
            {
                var quantity = random.Next(-30, 100);
                held.Add(new AnalyticsPosition(symbol, quantity, quantity * price, random.Next(4) == 0 ? null : $"Sector {random.Next(5)}"));
            }
        }

        held.Add(new AnalyticsPosition("S000", 7m, 7m * 31.5m, null));
        return new PortfolioAnalyticsInput([.. held.OrderBy(_ => random.Next())], 2_000_000m, "SPY", lookback, closes);
    }
}
