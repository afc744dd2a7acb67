using BenchmarkDotNet.Attributes;
using RiskPlatform.Domain.Analytics;

namespace RiskPlatform.Benchmarks.Analytics;

/// <summary>
/// The analytics of a 200-position portfolio over one year of daily closes (253 closes per symbol plus the benchmark's):
/// volatility and beta per position, the 200 × 200 correlation matrix, historical and parametric VaR, contributions and
/// sectors — what GET /risk-rules/portfolio-risk/analytics computes once its reads are done. Target ≤ 50 ms.
/// </summary>
[MemoryDiagnoser]
[MedianColumn]
public class PortfolioAnalyticsBenchmarks
{
    private PortfolioAnalyticsInput _input = null!;

    [GlobalSetup]
    public void Setup()
    {
        var start = new DateOnly(2025, 1, 2);
        var dates = Enumerable.Range(0, 400).Select(start.AddDays)
            .Where(d => d.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday))
            .Take(253)
            .ToArray();
        var random = new Random(17);
        var closes = new Dictionary<string, IReadOnlyList<(DateOnly Date, decimal Close)>>(StringComparer.Ordinal);
        var positions = new List<AnalyticsPosition>(200);
        foreach (var symbol in Enumerable.Range(0, 200).Select(i => $"S{i:D3}").Append("SPY"))
        {
            var price = 50m + random.Next(0, 200);
            closes[symbol] = [.. dates.Select(d => (d, price = decimal.Round(price * (1m + (((decimal)random.NextDouble() - 0.5m) / 25m)), 4)))];
            if (symbol != "SPY")
            {
                var quantity = random.Next(-20, 100);
                positions.Add(new AnalyticsPosition(symbol, quantity, quantity * price, $"Sector {random.Next(0, 11)}"));
            }
        }

        _input = new PortfolioAnalyticsInput(positions, 1_000_000m, "SPY", 252, closes);
    }

    [Benchmark]
    public PortfolioAnalyticsResult Compute_200Positions_OneYear() => PortfolioAnalytics.Compute(_input);
}
