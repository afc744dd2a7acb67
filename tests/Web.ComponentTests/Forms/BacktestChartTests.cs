using Bunit;
using RiskPlatform.Web.Client;
using RiskPlatform.Web.ComponentTests.Support;
using RiskPlatform.Web.Shared;

namespace RiskPlatform.Web.ComponentTests.Forms;

public sealed class BacktestChartTests : WebAppTest
{
    private static readonly DateOnly Monday = new(2026, 1, 5);

    [Fact]
    public void Chart_WithAndWithoutRules_DrawsBothCurvesOnOneScaleAndMarksEachDayTheRulesActed()
    {
        var result = Result(
            withRules: [(100_000m, 0m), (99_000m, 1m), (101_000m, 0m)],
            withoutRules: [(100_000m, 0m), (97_000m, 3m), (104_000m, 0m)],
            orders:
            [
                Order(0, Monday, "accepted", 5m),
                Order(1, Monday.AddDays(1), "blocked", 0m, new BacktestBreach("Max order value", "block", 5_000m, 1_000m, "Order value 5000 exceeds 1000")),
                Order(2, Monday.AddDays(1), "reduced", 10m, new BacktestBreach("Max position", "reduce_size", 120m, 100m, "over")),
                Order(3, Monday.AddDays(2), "refused", 0m, reason: "Trading is halted."),
                Order(4, Monday.AddDays(2), "accepted", 1m, new BacktestBreach("Heads-up", "alert", 2m, 1m, "alert only")),
            ],
            monitor: [new BacktestMonitorEvent(Monday.AddDays(2), "close", "Max drawdown", "close_all", null, 3m, 2m, "drawdown 3 %", 0)]);

        var cut = Render<BacktestChart>(parameters => parameters.Add(chart => chart.Result, result));

        // One scale (97,000–104,000) for both equity lines and one (0–3 %) for both drawdowns: the gap is what the rules did.
        Assert.Equal("0,79.7 300,99.1 600,60.3", cut.Find("svg:first-of-type polyline.equity").GetAttribute("points"));
        Assert.Equal("0,79.7 300,138 600,2", cut.Find("svg:first-of-type polyline.comparison").GetAttribute("points"));
        Assert.Equal("0,2 300,17.3 600,2", cut.Find("polyline.drawdown").GetAttribute("points"));
        Assert.Equal("0,2 300,48 600,2", cut.Find("svg:last-of-type polyline.comparison").GetAttribute("points"));

        var markers = cut.FindAll("line.marker").Select(m => (Class: m.GetAttribute("class"), X: m.GetAttribute("x1"), Title: m.TextContent)).ToList();
        Assert.Equal(
        [
            ("marker blocked", "300", "2026-01-06: buy 50 AAPL blocked by Max order value"),
            ("marker reduced", "300", "2026-01-06: buy 50 AAPL reduced to 10 by Max position"),
            ("marker blocked", "600", "2026-01-07: buy 50 AAPL refused (Trading is halted.)"),
            ("marker monitor", "600", "2026-01-07: Max drawdown at the close: close all"),
        ], markers);
        Assert.StartsWith("Marked: 2 days with an order blocked, 1 day with an order reduced, 1 day with a monitor action.",
            cut.Find("[data-testid=backtest-chart-marks]").Text(), StringComparison.Ordinal);
        Assert.Contains("$101,000.00 at the end, deepest drawdown 1 %", cut.Find("figcaption").Text(), StringComparison.Ordinal);
    }

    [Fact]
    public void Chart_WhenTheRulesNeverActed_HasNoMarkers()
    {
        var result = Result([(100_000m, 0m), (100_500m, 0m)], [(100_000m, 0m), (100_500m, 0m)], [Order(0, Monday, "accepted", 5m)], []);

        var cut = Render<BacktestChart>(parameters => parameters.Add(chart => chart.Result, result));

        Assert.Equal(cut.Find("polyline.equity").GetAttribute("points"), cut.Find("polyline.comparison").GetAttribute("points"));
        Assert.Empty(cut.FindAll("line.marker"));
        Assert.Empty(cut.FindAll("[data-testid=backtest-chart-marks]"));
    }

    [Fact]
    public void Chart_WithoutAnyDay_IsNotDrawn()
    {
        var cut = Render<BacktestChart>(parameters => parameters.Add(chart => chart.Result, Result([], [], [], [])));

        Assert.Empty(cut.FindAll("svg"));
    }

    private static BacktestOrder Order(int index, DateOnly date, string decision, decimal approved, BacktestBreach? breach = null, string? reason = null) =>
        new(index, date, "AAPL", "buy", index == 0 ? 5m : index == 4 ? 1m : 50m, decision, approved, approved, approved > 0 ? 100m : null,
            approved > 0 ? "filled" : decision, reason, breach is null ? [] : [breach]);

    private static BacktestResult Result(
        (decimal Equity, decimal Drawdown)[] withRules,
        (decimal Equity, decimal Drawdown)[] withoutRules,
        IReadOnlyList<BacktestOrder> orders,
        IReadOnlyList<BacktestMonitorEvent> monitor)
    {
        static BacktestRun Run((decimal Equity, decimal Drawdown)[] curve) => new(
            curve.Length == 0 ? 100_000m : curve[^1].Equity, 0m, curve.Length == 0 ? 0m : curve.Max(p => p.Drawdown), "active", 0, 0,
            [.. curve.Select((p, i) => new BacktestCurvePoint(Monday.AddDays(i), p.Equity, p.Drawdown))]);

        return new BacktestResult(
            true, "Simulation only.", new BacktestInputs(Monday, Monday.AddDays(2), 100_000m, orders.Count, withRules.Length, "account", 3, []),
            [], orders, monitor, Run(withRules), Run(withoutRules));
    }
}
