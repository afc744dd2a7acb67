using RiskPlatform.Domain.MarketData.Reference;

namespace RiskPlatform.Domain.Analytics;

/// <summary>
/// Per-position volatility and beta, the correlation matrix of the held symbols, the portfolio's one-day VaR and expected
/// shortfall (historical and parametric, 95 % and 99 %), exposure by sector and the largest contributors to VaR.
/// <list type="bullet">
/// <item>Each symbol's volatility uses its own last returns (up to the window); its beta the days it shares with the benchmark.</item>
/// <item>The correlation matrix and VaR use the days on which every held symbol has a close, so every number of them is over the
/// same days; fewer than <see cref="MinimumReturns"/> such returns leave them null with the reason.</item>
/// <item>Exposures are today's market values, held fixed over the window (the usual one-day VaR of the current portfolio).</item>
/// </list>
/// </summary>
public static class PortfolioAnalytics
{
    /// <summary>The fewest daily returns from which a statistic is reported (as max_correlation requires).</summary>
    public const int MinimumReturns = 20;

    public const string InsufficientHistory = "insufficient_history";

    public static readonly double[] Confidences = [0.95, 0.99];

    public static PortfolioAnalyticsResult Compute(PortfolioAnalyticsInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        var held = input.Positions.Select(p => p.Symbol).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        var positions = input.Positions.OrderBy(p => p.Symbol, StringComparer.Ordinal).Select(p => Position(p, input)).ToList();

        var aligned = AlignedReturns.From(Subset(input.Closes, held), input.LookbackReturns);
        var enough = held.Count > 0 && aligned.Count >= MinimumReturns;
        var reason = held.Count == 0 ? null : enough ? null : InsufficientHistory;

        double[][]? matrix = null;
        VaRFigures? var = null;
        IReadOnlyList<VaRContribution> contributors = [];
        if (enough)
        {
            var series = held.Select(s => aligned.Returns[s]).ToArray();
            matrix = CorrelationMatrix(series);
            var exposures = held.Select(s => (double)input.Positions.Where(p => p.Symbol == s).Sum(p => p.MarketValue)).ToArray();
            var pnl = ValueAtRisk.PnlSeries(exposures, series);
            var (h95, hs95) = ValueAtRisk.Historical(pnl, 0.95);
            var (h99, hs99) = ValueAtRisk.Historical(pnl, 0.99);
            var (p95, ps95) = ValueAtRisk.Parametric(pnl, 0.95);
            var (p99, ps99) = ValueAtRisk.Parametric(pnl, 0.99);
            var = new VaRFigures(new(h95, hs95, h99, hs99), new(p95, ps95, p99, ps99));
            var contributions = ValueAtRisk.Contributions(exposures, series, 0.99);
            var total = contributions.Sum();
            contributors = [.. held.Select((s, i) => new VaRContribution(s, contributions[i], total == 0d ? 0d : contributions[i] / total))
                .OrderByDescending(c => c.Contribution)
                .ThenBy(c => c.Symbol, StringComparer.Ordinal)];
        }

        var sectors = input.Positions
            .GroupBy(p => SymbolReference.SectorBucketOf(p.Sector), StringComparer.OrdinalIgnoreCase)
            .Select(g => new SectorExposure(
                g.Key,
                g.Sum(p => Math.Abs(p.MarketValue)),
                g.Sum(p => p.MarketValue),
                input.Equity <= 0m ? null : g.Sum(p => Math.Abs(p.MarketValue)) / input.Equity * 100m))
            .OrderByDescending(s => s.GrossExposure)
            .ThenBy(s => s.Sector, StringComparer.Ordinal)
            .ToList();

        return new PortfolioAnalyticsResult(
            positions,
            held,
            matrix,
            var,
            contributors,
            sectors,
            aligned.Count,
            aligned.Count == 0 ? null : aligned.Dates[0],
            aligned.Count == 0 ? null : aligned.Dates[^1],
            reason);
    }

    private static PositionAnalytics Position(AnalyticsPosition position, PortfolioAnalyticsInput input)
    {
        var own = input.Closes.TryGetValue(position.Symbol, out var closes)
            ? ReturnStatistics.SimpleReturns([.. closes.OrderBy(c => c.Date).TakeLast(input.LookbackReturns + 1).Select(c => c.Close)])
            : [];
        double? volatility = own.Length >= MinimumReturns ? ReturnStatistics.AnnualisedVolatility(own) : null;

        double? beta = null;
        var betaReturns = 0;
        if (input.Closes.ContainsKey(input.Benchmark) && closes is not null)
        {
            var pair = AlignedReturns.From(
                new Dictionary<string, IReadOnlyList<(DateOnly Date, decimal Close)>>(StringComparer.Ordinal)
                {
                    ["asset"] = closes,
                    ["benchmark"] = input.Closes[input.Benchmark],
                },
                input.LookbackReturns);
            betaReturns = pair.Count;
            beta = pair.Count >= MinimumReturns ? ReturnStatistics.Beta(pair.Returns["asset"], pair.Returns["benchmark"]) : null;
        }

        return new PositionAnalytics(
            position.Symbol,
            position.Quantity,
            position.MarketValue,
            input.Equity <= 0m ? null : position.MarketValue / input.Equity * 100m,
            SymbolReference.SectorBucketOf(position.Sector),
            volatility,
            own.Length,
            beta,
            betaReturns);
    }

    /// <summary>
    /// Pearson correlations of every pair: each series is centred and scaled to unit length once, so each pair is one dot
    /// product (n² / 2 of them) instead of three passes of moments. Equal to <see cref="ReturnStatistics.Correlation"/>.
    /// </summary>
    private static double[][] CorrelationMatrix(double[][] series)
    {
        var unit = series.Select(UnitDeviations).ToArray();
        var matrix = new double[series.Length][];
        for (var i = 0; i < series.Length; i++)
        {
            matrix[i] = new double[series.Length];
        }

        for (var i = 0; i < series.Length; i++)
        {
            for (var j = i; j < series.Length; j++)
            {
                var value = unit[i] is { } a && unit[j] is { } b ? Math.Clamp(Dot(a, b), -1d, 1d) : 0d;
                matrix[i][j] = value;
                matrix[j][i] = value;
            }
        }

        return matrix;
    }

    /// <summary>(x − mean) / √Σ(x − mean)²; null for a constant series (whose correlations are reported as 0).</summary>
    private static double[]? UnitDeviations(double[] values)
    {
        var mean = ReturnStatistics.Mean(values);
        var deviations = values.Select(v => v - mean).ToArray();
        var length = Math.Sqrt(Dot(deviations, deviations));
        if (length == 0d)
        {
            return null;
        }

        for (var t = 0; t < deviations.Length; t++)
        {
            deviations[t] /= length;
        }

        return deviations;
    }

    private static double Dot(ReadOnlySpan<double> a, ReadOnlySpan<double> b)
    {
        var sum = 0d;
        for (var t = 0; t < a.Length; t++)
        {
            sum += a[t] * b[t];
        }

        return sum;
    }

    private static Dictionary<string, IReadOnlyList<(DateOnly Date, decimal Close)>> Subset(
        IReadOnlyDictionary<string, IReadOnlyList<(DateOnly Date, decimal Close)>> closes, IReadOnlyList<string> symbols) =>
        symbols.ToDictionary(s => s, s => closes.TryGetValue(s, out var c) ? c : [], StringComparer.Ordinal);
}
