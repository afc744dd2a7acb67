using Bunit;
using RiskPlatform.Web.Client;
using RiskPlatform.Web.ComponentTests.Support;
using RiskPlatform.Web.Shared;

namespace RiskPlatform.Web.ComponentTests.Forms;

public sealed class EquityChartTests : WebAppTest
{
    private static readonly DateTime Ten = new(2026, 3, 2, 10, 0, 0, DateTimeKind.Utc);

    [Fact]
    public void Chart_WithPoints_DrawsOneVertexPerPointAndStatesTheFigures()
    {
        var history = new EquityHistory(Ten, Ten.AddHours(1), "minute",
        [
            new(Ten, 100_000m, 0m, 0m),
            new(Ten.AddMinutes(1), 95_000m, 5_000m, 5m),
            new(Ten.AddMinutes(2), 110_000m, 0m, 0m),
        ]);

        var cut = Render<EquityChart>(parameters => parameters.Add(chart => chart.History, history));

        var equity = cut.Find("polyline.equity").GetAttribute("points")!.Split(' ');
        Assert.Equal(["0,92.7", "300,138", "600,2"], equity); // lowest at the bottom, highest at the top of 140
        Assert.Equal("110000", cut.Find("[data-testid=equity-chart]").GetAttribute("data-last-equity"));
        Assert.Contains("$100,000.00 → $110,000.00", cut.Find("figcaption").TextContent, StringComparison.Ordinal);
        Assert.Contains("deepest drawdown 5 %", cut.Find("figcaption").TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public void Chart_WithoutPoints_SaysWhyItIsEmpty()
    {
        var cut = Render<EquityChart>(parameters => parameters.Add(chart => chart.History, new EquityHistory(Ten, Ten, "minute", [])));

        Assert.Empty(cut.FindAll("svg"));
        Assert.Contains("No equity recorded yet", cut.Markup, StringComparison.Ordinal);
    }
}
