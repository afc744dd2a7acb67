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
/// Every series is put once on one <see cref="CloseCalendar"/> (a <c>double[]</c> per symbol, indexed by date), so each alignment
/// is a walk over indexes into reused buffers rather than a dictionary, hash sets and a sort per position.
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
        var history = History.Of(input, held);
        var positions = input.Positions.OrderBy(p => p.Symbol, StringComparer.Ordinal).Select(p => Position(p, input, history)).ToList();

        var aligned = AlignedReturns.From(history.Calendar, held, [.. Enumerable.Range(0, held.Count)], input.LookbackReturns);
        var enough = held.Count > 0 && aligned.Count >= MinimumReturns;
        var reason = held.Count == 0 ? null : enough ? null : InsufficientHistory;

        double[][]? matrix = null;
        VaRFigures? var = null;
        IReadOnlyList<VaRContribution> contributors = [];
        if (enough)
        {
            var series = held.Select(s => aligned.Returns[s]).ToArray();
            matrix = CorrelationMatrix(series);
            var exposures = Exposures(input.Positions, held);
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

    private static PositionAnalytics Position(AnalyticsPosition position, PortfolioAnalyticsInput input, History history)
    {
        var row = history.RowOf[position.Symbol];
        var calendar = history.Calendar;
        var days = history.Days;
        var (asset, benchmark) = (history.AssetReturns, history.BenchmarkReturns);

        var ownReturns = 0;
        double? volatility = null;
        if (history.Quoted[row])
        {
            var count = calendar.CommonDays([row], days);
            ownReturns = Math.Max(0, count - 1);
            if (ownReturns >= MinimumReturns)
            {
                calendar.Returns(row, days.AsSpan(0, count), asset);
                volatility = ReturnStatistics.AnnualisedVolatility(asset.AsSpan(0, ownReturns));
            }
        }

        double? beta = null;
        var betaReturns = 0;
        if (history.Quoted[row] && history.Quoted[history.BenchmarkRow])
        {
            var count = calendar.CommonDays([row, history.BenchmarkRow], days);
            betaReturns = Math.Max(0, count - 1);
            if (betaReturns >= MinimumReturns)
            {
                calendar.Returns(row, days.AsSpan(0, count), asset);
                calendar.Returns(history.BenchmarkRow, days.AsSpan(0, count), benchmark);
                beta = ReturnStatistics.Beta(asset.AsSpan(0, betaReturns), benchmark.AsSpan(0, betaReturns));
            }
        }

        return new PositionAnalytics(
            position.Symbol,
            position.Quantity,
            position.MarketValue,
            input.Equity <= 0m ? null : position.MarketValue / input.Equity * 100m,
            SymbolReference.SectorBucketOf(position.Sector),
            volatility,
            ownReturns,
            beta,
            betaReturns);
    }

    /// <summary>Each held symbol's net market value (its positions summed in the order given).</summary>
    private static double[] Exposures(IReadOnlyList<AnalyticsPosition> positions, List<string> held)
    {
        var sums = new Dictionary<string, decimal>(held.Count, StringComparer.Ordinal);
        foreach (var position in positions)
        {
            sums[position.Symbol] = sums.GetValueOrDefault(position.Symbol) + position.MarketValue;
        }

        return [.. held.Select(s => (double)sums[s])];
    }

    /// <summary>
    /// Every series the computation reads on one calendar: row i is held symbol i, then the benchmark unless it is held. Also the
    /// scratch arrays the positions reuse (one window each), so that a position allocates nothing but its result.
    /// </summary>
    private sealed class History
    {
        private History(CloseCalendar calendar, Dictionary<string, int> rowOf, bool[] quoted, int benchmarkRow, int window)
        {
            Calendar = calendar;
            RowOf = rowOf;
            Quoted = quoted;
            BenchmarkRow = benchmarkRow;
            Days = new int[window];
            AssetReturns = new double[window];
            BenchmarkReturns = new double[window];
        }

        public CloseCalendar Calendar { get; }

        public Dictionary<string, int> RowOf { get; }

        /// <summary>Whether the input has closes (possibly none) for the row's symbol: without them no figure is attempted.</summary>
        public bool[] Quoted { get; }

        public int BenchmarkRow { get; }

        public int[] Days { get; }

        public double[] AssetReturns { get; }

        public double[] BenchmarkReturns { get; }

        public static History Of(PortfolioAnalyticsInput input, List<string> held)
        {
            var series = new List<IReadOnlyList<(DateOnly Date, decimal Close)>>(held.Count + 1);
            var quoted = new bool[held.Count + 1];
            var rowOf = new Dictionary<string, int>(held.Count, StringComparer.Ordinal);
            foreach (var symbol in held)
            {
                quoted[series.Count] = input.Closes.TryGetValue(symbol, out var closes);
                rowOf[symbol] = series.Count;
                series.Add(closes ?? []);
            }

            if (!rowOf.TryGetValue(input.Benchmark, out var benchmarkRow))
            {
                benchmarkRow = series.Count;
                quoted[benchmarkRow] = input.Closes.TryGetValue(input.Benchmark, out var closes);
                series.Add(closes ?? []);
            }

            var calendar = CloseCalendar.Of(series);
            return new History(calendar, rowOf, quoted, benchmarkRow, calendar.Window(input.LookbackReturns));
        }
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
}
