using System.Net;
using Bunit;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using RiskPlatform.Web.ComponentTests.Support;
using RiskPlatform.Web.Shared;

namespace RiskPlatform.Web.ComponentTests.Forms;

public sealed class PriceChartTests : WebAppTest
{
    // Tuesday 2026-03-03, 10:00 in New York.
    private static readonly DateTimeOffset TuesdayMorning = new(2026, 3, 3, 15, 0, 0, TimeSpan.Zero);

    private const string DailyPath = "market/bars/AAPL?interval=1d&from=2025-03-03&to=2026-03-03";

    private const string Daily = """
        {"symbol":"AAPL","interval":"day","from":"2025-03-03","to":"2026-03-03","bars":[
          {"date":"2026-02-27","open":100,"high":103,"low":99,"close":102,"volume":1000,"at":null},
          {"date":"2026-03-02","open":102,"high":104,"low":97.5,"close":98,"volume":1000,"at":null},
          {"date":"2026-03-03","open":98,"high":110,"low":98,"close":110,"volume":0,"at":null}]}
        """;

    [Fact]
    public async Task Show_DailyBars_DrawsOneVertexPerBarAndStatesTheCloses()
    {
        var cut = await RenderAtAsync(TuesdayMorning);
        Api.On(HttpMethod.Get, DailyPath, HttpStatusCode.OK, Daily);

        await cut.Find("form").SubmitAsync();

        cut.WaitForAssertion(() => Assert.Equal("3", cut.Find("[data-testid=price-chart]").GetAttribute("data-bars")));
        Assert.Equal(["0,92.7", "300,138", "600,2"], cut.Find("polyline.price").GetAttribute("points")!.Split(' ')); // 98 low, 110 high
        Assert.Equal("day", cut.Find("[data-testid=price-chart]").GetAttribute("data-interval"));
        Assert.Equal(
            "AAPL closed 102 → 110 from 2026-02-27 to 2026-03-03 (3 daily bars); low 97.5, high 110.",
            cut.Find("figcaption").Text());
        Assert.Equal("true", cut.Find("[data-interval='1d']").GetAttribute("aria-pressed"));
    }

    [Fact]
    public async Task SwitchTo1m_ReadsTheLastTradingDaysMinuteBars_AndDrawsThem()
    {
        var cut = await RenderAtAsync(TuesdayMorning);
        Api.On(HttpMethod.Get, DailyPath, HttpStatusCode.OK, Daily)
            .On(HttpMethod.Get, "market/bars/AAPL?interval=1m&from=2026-03-03&to=2026-03-03", HttpStatusCode.OK, """
                {"symbol":"AAPL","interval":"minute","from":"2026-03-03","to":"2026-03-03","bars":[
                  {"date":"2026-03-03","open":100,"high":100.5,"low":99.5,"close":100.25,"volume":0,"at":"2026-03-03T14:30:00Z"},
                  {"date":"2026-03-03","open":100.25,"high":101,"low":100,"close":100.75,"volume":0,"at":"2026-03-03T14:31:00Z"}]}
                """);
        await cut.Find("form").SubmitAsync();
        cut.WaitForAssertion(() => Assert.Equal("day", cut.Find("[data-testid=price-chart]").GetAttribute("data-interval")));

        await cut.Find("[data-interval='1m']").ClickAsync(new());

        cut.WaitForAssertion(() => Assert.Equal("minute", cut.Find("[data-testid=price-chart]").GetAttribute("data-interval")));
        Api.Single(HttpMethod.Get, "market/bars/AAPL?interval=1m&from=2026-03-03&to=2026-03-03");
        Assert.Equal("2", cut.Find("[data-testid=price-chart]").GetAttribute("data-bars"));
        Assert.Equal(["0,138", "600,2"], cut.Find("polyline.price").GetAttribute("points")!.Split(' '));
        Assert.Contains("from 2026-03-03 14:30 UTC to 2026-03-03 14:31 UTC (2 minute bars)", cut.Find("figcaption").Text(), StringComparison.Ordinal);
        Assert.Equal(("false", "true"), (cut.Find("[data-interval='1d']").GetAttribute("aria-pressed"), cut.Find("[data-interval='1m']").GetAttribute("aria-pressed")));
    }

    [Theory]
    [InlineData("2026-03-08T15:00:00Z", "2026-03-06", "2026-03-08")] // a Sunday: from Friday
    [InlineData("2026-03-07T15:00:00Z", "2026-03-06", "2026-03-07")] // a Saturday
    [InlineData("2026-03-03T02:00:00Z", "2026-03-02", "2026-03-02")] // 21:00 on Monday in New York
    public async Task SwitchTo1m_AsksForTheLastTradingDayInNewYork_ThroughToday(string now, string from, string to)
    {
        var cut = await RenderAtAsync(DateTimeOffset.Parse(now, System.Globalization.CultureInfo.InvariantCulture));
        var path = $"market/bars/AAPL?interval=1m&from={from}&to={to}";
        Api.On(HttpMethod.Get, path, HttpStatusCode.OK, $$"""{"symbol":"AAPL","interval":"minute","from":"{{from}}","to":"{{to}}","bars":[]}""");

        await cut.Find("[data-interval='1m']").ClickAsync(new());

        cut.WaitForAssertion(() => Assert.Contains($"No minute bars for AAPL from {from} to {to}.", cut.Find("[data-testid=price-chart-empty]").Text(), StringComparison.Ordinal));
        Api.Single(HttpMethod.Get, path);
        Assert.Empty(cut.FindAll("svg"));
    }

    [Fact]
    public async Task MinuteRange_OfTheMost_AsksFor31DaysUpToToday()
    {
        var cut = await RenderAtAsync(TuesdayMorning);
        Api.On(HttpMethod.Get, "market/bars/AAPL?interval=1m&from=2026-03-03&to=2026-03-03", HttpStatusCode.OK,
                """{"symbol":"AAPL","interval":"minute","from":"2026-03-03","to":"2026-03-03","bars":[]}""")
            .On(HttpMethod.Get, "market/bars/AAPL?interval=1m&from=2026-01-31&to=2026-03-03", HttpStatusCode.OK,
                """{"symbol":"AAPL","interval":"minute","from":"2026-01-31","to":"2026-03-03","bars":[]}""");
        await cut.Find("[data-interval='1m']").ClickAsync(new());
        cut.WaitForAssertion(() => cut.Find("[data-testid=price-chart-empty]"));

        await cut.Find("#price-minute-range").ChangeAsync(new() { Value = "31" });

        cut.WaitForAssertion(() => Assert.Contains("from 2026-01-31 to 2026-03-03", cut.Find("[data-testid=price-chart-empty]").Text(), StringComparison.Ordinal));
        Api.Single(HttpMethod.Get, "market/bars/AAPL?interval=1m&from=2026-01-31&to=2026-03-03");
    }

    [Fact]
    public async Task Show_WithoutDailyHistory_SaysWhereDailyBarsComeFrom()
    {
        var cut = await RenderAtAsync(TuesdayMorning);
        Api.On(HttpMethod.Get, DailyPath, HttpStatusCode.OK, """{"symbol":"AAPL","interval":"day","from":"2025-03-03","to":"2026-03-03","bars":[]}""");

        await cut.Find("form").SubmitAsync();

        cut.WaitForAssertion(() => Assert.Equal(
            "No daily bars for AAPL from 2025-03-03 to 2026-03-03. Daily bars come from the operator's imports, the broker and the quotes the service receives.",
            cut.Find("[data-testid=price-chart-empty]").Text()));
    }

    [Fact]
    public async Task Show_ABadSymbol_ShowsTheApisProblemBesideTheSymbol()
    {
        var cut = await RenderAtAsync(TuesdayMorning);
        Api.On(HttpMethod.Get, "market/bars/BAD%24?interval=1d&from=2025-03-03&to=2026-03-03", HttpStatusCode.BadRequest, """
            {"title":"One or more fields are invalid.","status":400,"errors":{"symbol":["symbol must be 1-16 letters, digits, '.' or '-'."]}}
            """);
        cut.Find("#price-symbol").Change("BAD$");

        await cut.Find("form").SubmitAsync();

        cut.WaitForAssertion(() => Assert.Equal(
            "symbol must be 1-16 letters, digits, '.' or '-'.", cut.Find("#price-symbol ~ .field-error[data-field=symbol]").TextContent));
        Assert.Contains("One or more fields are invalid.", cut.Find(".problem").TextContent, StringComparison.Ordinal);
        Assert.Empty(cut.FindAll("[data-testid=price-chart]"));
    }

    private async Task<IRenderedComponent<PriceChart>> RenderAtAsync(DateTimeOffset now)
    {
        Services.AddSingleton<TimeProvider>(new FakeTimeProvider(now));
        await SignedInAsync();
        return Render<PriceChart>(parameters => parameters.Add(chart => chart.Symbol, "AAPL"));
    }
}
